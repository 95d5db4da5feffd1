package io.eventrouter.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventrouter.protocol.ClientMessage;
import io.eventrouter.protocol.ProtocolCodec;
import io.eventrouter.protocol.ProtocolException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CodecWarmupTest {
    @Test
    void shouldDecodeOneFrameOfEveryKindAClientSendsAndRejectTheLastTwo() throws ProtocolException {
        List<String> frames = CodecWarmup.FRAMES;
        List<Class<?>> kinds = new ArrayList<>();
        for (String frame : frames.subList(0, frames.size() - 2)) {
            kinds.add(ProtocolCodec.decodeClientMessage(frame).getClass());
        }

        assertThat(kinds).containsExactly(ClientMessage.Subscribe.class, ClientMessage.Publish.class,
                ClientMessage.Unsubscribe.class, ClientMessage.Ping.class, ClientMessage.GetHealth.class,
                ClientMessage.Identify.class);
        for (String bad : frames.subList(frames.size() - 2, frames.size())) {
            assertThatThrownBy(() -> ProtocolCodec.decodeClientMessage(bad)).isInstanceOf(ProtocolException.class);
        }
    }

    @Test
    void shouldHaveAReplyToEveryFrame() {
        assertThatCode(CodecWarmup::run).doesNotThrowAnyException();
    }
}
