package io.eventrouter.session;

import io.eventrouter.protocol.Priority;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * The bounded outbound queue of one connection, and the pump that writes it. Replies (control
 * frames) go first and are never dropped; events wait in one FIFO lane per priority. When
 * {@code capacity} events wait, a new event evicts the newest event of a lower priority or is
 * itself dropped; after more than {@code dropLimit} drops with nothing written in between, the
 * listener is told once to disconnect the subscriber.
 *
 * <p>The pump hands the transport a group of waiting frames at a time (up to its
 * {@link Transport#maxInFlight()} and {@value #MAX_GROUP_BYTES} bytes), flushing after the
 * last, then waits for that group before taking the next. Frames stay in this queue, where
 * the drop policy can still reach them, until the transport can take them.
 *
 * <p>Most connections are idle most of the time, so everything beyond the counters is made
 * on first use: the reply queue, the lanes, and the group arrays. An event that finds the
 * outbox idle and empty waits outside the lanes ({@link #parked}), so a connection given one
 * event at a time, the usual case, never makes the lanes or the group arrays, and its
 * delivery touches none of them. The outbox is its own writer task ({@link #run}) and the
 * callback of the last frame of each group ({@link #accept}), so neither is made per write;
 * only a group its claim took ({@link #runTaken}) goes to a writer as a task made for it.
 */
final class Outbox implements Runnable, Consumer<Throwable> {
    static final int MAX_GROUP_BYTES = 256 * 1024;
    private static final int INITIAL_GROUP = 4;
    /** {@link #completion}: the group being written has not completed before its send returned. */
    private static final byte NOT_YET = 0;
    /** {@link #completion}: it completed before its send returned, and more was waiting. */
    private static final byte MORE_WAITING = 1;
    /** {@link #completion}: it completed before its send returned, and nothing was waiting. */
    private static final byte NOTHING_WAITING = 2;

    private final ClientSession session;
    private final Transport transport;
    private final OutboxPolicy policy;
    /**
     * The oldest waiting reply, if any: a lone reply (the usual case) needs no queue. Replies
     * behind it wait in {@link #control}, made the first time two wait at once.
     */
    private ByteBuffer nextReply;
    private ArrayDeque<ByteBuffer> control;
    /**
     * The one waiting event when it came to an idle, empty outbox; it is then the only event
     * (the lanes are empty), it was accepted at {@link #firstAccepted}, and its lane is
     * {@link #parkedLane}. Anything queued after it moves it to its lane first ({@link
     * #unpark}), so the lanes keep the order. Null otherwise.
     */
    private ByteBuffer parked;
    private byte parkedLane;
    /** One FIFO lane of events per priority, lowest first; null until two events wait at once. */
    private ArrayDeque<EventFrame>[] lanes;
    /**
     * The group being written when it has more than one frame; null until then. Starts small
     * and doubles up to {@link #maxGroup()} only when a group fills it with more waiting: a
     * lightly used connection keeps a few slots rather than {@code maxGroup} (64 slots cost 800
     * bytes per connection).
     */
    private ByteBuffer[] group;
    /**
     * When the router accepted the second and later events of the group being written, for
     * the latency figure; index 0 is unused ({@link #firstAccepted} holds the first).
     */
    private long[] groupAccepted;
    /**
     * When the router accepted the first event of the group being written, or, while the
     * outbox is idle, the {@link #parked} event.
     */
    private long firstAccepted;
    /**
     * The group's frame when it has just one ({@link #takeGroup}'s second answer), else null;
     * held, like the frames in {@link #group} (replies first, then {@link #groupEvents} events,
     * then nulls), until the group completes.
     */
    private ByteBuffer soleFrame;
    private boolean pumpScheduled;
    private int events;
    private int consecutiveDrops;
    private boolean overflowReported;
    private boolean closed;
    private boolean sending;
    private int groupEvents;
    private boolean sendReturned;
    /**
     * Whether the group being written completed before its last send returned ({@link
     * #NOT_YET}, {@link #MORE_WAITING}, {@link #NOTHING_WAITING}); the pump then follows it
     * itself. Set under the lock; the pump also reads it without, see {@link #pump(boolean)}.
     */
    private byte completion;
    /**
     * Set once someone has waited in {@link #awaitIdle} (a drain at shutdown) and never
     * cleared: until then, running dry needs no notify, which would otherwise cost a call into
     * the VM on every write.
     */
    private boolean idleAwaited;

    Outbox(ClientSession session, Transport transport, OutboxPolicy policy) {
        this.session = session;
        this.transport = transport;
        this.policy = policy;
    }

    /** The socket this outbox writes to; the session reaches it through here. */
    Transport transport() {
        return transport;
    }

    /** Lanes are made on first use: most connections only ever see a priority or two. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private ArrayDeque<EventFrame> lane(int index) {
        if (lanes == null) {
            lanes = new ArrayDeque[Priority.LEVELS];
        }
        ArrayDeque<EventFrame> lane = lanes[index];
        if (lane == null) {
            lane = new ArrayDeque<>(4);
            lanes[index] = lane;
        }
        return lane;
    }

    void offerControl(ByteBuffer frame) {
        synchronized (this) {
            if (closed) {
                return;
            }
            if (nextReply == null) {
                nextReply = frame;
            } else {
                if (control == null) {
                    control = new ArrayDeque<>(4);
                }
                control.addLast(frame);
            }
        }
        pump();
    }

    /**
     * @param acceptedNanos {@link System#nanoTime()} when the router accepted the event; the
     *     listener hears how long ago that was once the frame is written
     * @param last whether the caller queues nothing more here before it starts the write this
     *     offer may claim: the claim then also takes the group to write, in the same locked step
     * @return whether this offer claimed the write: no write was in flight or scheduled, so the
     *     caller must start one, with {@link #runTaken} when {@code last}, else with {@link
     *     #runClaimed}; false when one will take this frame anyway, or when there is no writer
     *     pool and this call wrote it
     */
    boolean offerEvent(ByteBuffer frame, int priority, long acceptedNanos, boolean last) {
        String overflow;
        boolean claimed = false;
        synchronized (this) {
            if (closed) {
                policy.listener().droppedOnDisconnect(priority, 1);
                return false;
            }
            int lane = Priority.index(priority);
            if (events == 0 && !sending) {
                parked = frame;
                parkedLane = (byte) lane;
                firstAccepted = acceptedNanos;
                events = 1;
                overflow = null;
            } else {
                unpark();
                overflow = enqueue(new EventFrame(frame, acceptedNanos), lane);
            }
            // A full outbox has a write in flight, or one its completion is about to start.
            if (overflow == null && policy.writer() != null && !sending && !pumpScheduled) {
                // Claimed in the same locked step, so the caller's flush needs no lock to decide;
                // when nothing more is coming before it, the group is taken too, so it needs none.
                claimed = true;
                if (last) {
                    // Something waits (this frame, at least) and nothing is being sent: a group.
                    startGroup();
                } else {
                    pumpScheduled = true;
                }
            }
        }
        if (overflow != null) {
            policy.listener().overflowed(session, overflow);
        } else if (policy.writer() == null) {
            pump();
        }
        return claimed;
    }

    /**
     * Under the lock: adds {@code event} to its lane, or, when {@code capacity} events wait,
     * applies the drop policy; returns why the subscriber overflowed if it just did, else null.
     */
    private String enqueue(EventFrame event, int lane) {
        if (events < policy.capacity()) {
            lane(lane).addLast(event);
            events++;
            return null;
        }
        int lowest = lowestNonEmptyLane();
        if (lowest < lane) {
            lanes[lowest].pollLast();
            lane(lane).addLast(event);
            policy.listener().droppedForSlowConsumer(lowest + Priority.MIN);
        } else {
            policy.listener().droppedForSlowConsumer(lane + Priority.MIN);
        }
        if (++consecutiveDrops > policy.dropLimit() && !overflowReported) {
            overflowReported = true;
            return consecutiveDrops + " events dropped in a row (client queue of " + policy.capacity() + " full)";
        }
        return null;
    }

    /** Under the lock: moves the {@link #parked} event, if any, to the end of its lane. */
    private void unpark() {
        if (parked != null) {
            lane(parkedLane).addLast(new EventFrame(parked, firstAccepted));
            parked = null;
        }
    }

    /**
     * Starts the write an {@link #offerEvent} claimed: on the calling thread with {@code
     * inline} (worth it when this is the only connection to write, since a hand-off costs more
     * than the write), else on a writer thread. The dispatcher calls it once per batch for each
     * connection whose write it claimed, so a burst costs one hand-off per connection rather
     * than one per event. Harmless when nothing was claimed: a pump takes what waits, or
     * nothing.
     */
    void runClaimed(boolean inline) {
        if (inline || policy.writer() == null) {
            run();
        } else {
            handToWriter(this);
        }
    }

    /**
     * Starts the write a claim with {@code last} took the group for ({@link #offerEvent}), as
     * {@link #runClaimed} does, without taking the lock: the group is the caller's until it
     * completes, and nobody else starts it. Call it once per such claim, and only then.
     */
    void runTaken(boolean inline) {
        if (inline || policy.writer() == null) {
            pump(false, true);
        } else {
            // A task of its own, made per hand-off: a field for it would cost every connection.
            handToWriter(() -> pump(false, true));
        }
    }

    /** Runs {@code task} on a writer thread, or here when the writers are stopping. */
    private void handToWriter(Runnable task) {
        try {
            policy.writer().execute(task);
        } catch (java.util.concurrent.RejectedExecutionException stopping) {
            task.run();
        }
    }

    /** The task {@link #runClaimed} hands the writer pool: writes what waits. */
    @Override
    public void run() {
        pump(true, false);
    }

    /**
     * Stops sending; counts queued events as dropped. Returns false, doing nothing, if it was
     * closed already: the session's closed flag is this one.
     */
    boolean close() {
        int[] dropped = new int[Priority.LEVELS];
        synchronized (this) {
            if (closed) {
                return false;
            }
            closed = true;
            events = 0;
            nextReply = null;
            control = null;
            if (parked != null) {
                dropped[parkedLane]++;
                parked = null;
            }
            if (lanes != null) {
                for (int lane = 0; lane < lanes.length; lane++) {
                    dropped[lane] += lanes[lane] == null ? 0 : lanes[lane].size();
                }
                lanes = null;
            }
            notifyAll();
        }
        for (int lane = 0; lane < dropped.length; lane++) {
            if (dropped[lane] > 0) {
                policy.listener().droppedOnDisconnect(lane + Priority.MIN, dropped[lane]);
            }
        }
        return true;
    }

    synchronized boolean isClosed() {
        return closed;
    }

    synchronized int pendingEvents() {
        return events;
    }

    /** Waits until nothing is queued or in flight (or the outbox closed), up to the deadline. */
    synchronized boolean awaitIdle(long deadlineNanos) throws InterruptedException {
        idleAwaited = true;
        while (!closed && (sending || events > 0 || repliesWaiting())) {
            long remaining = deadlineNanos - System.nanoTime();
            if (remaining <= 0) {
                return false;
            }
            wait(Math.max(1, remaining / 1_000_000));
        }
        return true;
    }

    /**
     * Writes queued frames a group at a time. A group that completes on this thread before the
     * last {@code send} returns is followed by looping here rather than recursing, so a fast
     * socket cannot overflow the stack.
     */
    private void pump() {
        pump(false, false);
    }

    /**
     * @param scheduled whether this runs as the task a claim set up ({@link #run})
     * @param taken whether this runs for a claim that took the group ({@link #runTaken}): that
     *     group is sent first, without the lock, being this thread's until it completes
     */
    private void pump(boolean scheduled, boolean taken) {
        boolean wrote = false;
        while (true) {
            int count;
            ByteBuffer[] frames;
            ByteBuffer sole;
            if (taken) {
                taken = false;
                sole = soleFrame;
                frames = group;
                count = sole != null ? 1 : framesInGroup();
            } else {
                synchronized (this) {
                    if (scheduled) {
                        // The task has started: a later batch must schedule another.
                        pumpScheduled = false;
                        scheduled = false;
                    }
                    if (wrote) {
                        sendReturned = true;
                        // Only a group written before send returned is followed here; otherwise
                        // its completion, on another thread, takes the next.
                        if (completion == NOT_YET) {
                            return;
                        }
                    }
                    count = startGroup();
                    if (count == 0) {
                        return;
                    }
                    frames = group;
                    sole = soleFrame;
                }
            }
            for (int i = 0; i < count; i++) {
                ByteBuffer frame = sole != null ? sole : frames[i];
                boolean last = i == count - 1;
                try {
                    transport.send(frame, last, last ? this : Outbox::partSent);
                } catch (RuntimeException e) {
                    failUnlessCompleted(e);
                    return;
                }
            }
            wrote = true;
            // Read without the lock, which saves taking it again after most writes. NOTHING_WAITING
            // can only come from this group's completion (startGroup's NOT_YET, on this thread,
            // is ordered after any earlier group's) or a later group's: either way nothing was
            // left to write then, and whatever is queued after that starts a write itself.
            if (completion == NOTHING_WAITING) {
                return;
            }
        }
    }

    /**
     * Under the lock: takes the next group and marks it being sent; 0 (and nothing changed) when
     * a group is in flight, the outbox is closed, or nothing waits.
     */
    private int startGroup() {
        if (sending || closed) {
            return 0;
        }
        int count = takeGroup();
        if (count == 0) {
            if (idleAwaited) {
                notifyAll();
            }
            return 0;
        }
        sending = true;
        sendReturned = false;
        completion = NOT_YET;
        return count;
    }

    /**
     * Takes the next group off the queues: replies first, then events by priority. A lone
     * frame goes to {@link #soleFrame}; more go to {@link #group}.
     */
    private int takeGroup() {
        groupEvents = 0;
        int waiting = (nextReply == null ? 0 : 1) + (control == null ? 0 : control.size()) + events;
        if (waiting == 0) {
            return 0;
        }
        int maxGroup = maxGroup();
        if (waiting == 1 || maxGroup == 1) {
            ByteBuffer frame = pollReply();
            soleFrame = frame != null ? frame : pollEventFrame();
            return 1;
        }
        if (group == null) {
            group = new ByteBuffer[Math.min(INITIAL_GROUP, maxGroup)];
            groupAccepted = new long[group.length];
        }
        int count = 0;
        int bytes = 0;
        while (count < maxGroup && bytes < MAX_GROUP_BYTES) {
            if (count == group.length && !growGroup()) {
                break;
            }
            ByteBuffer frame = pollReply();
            if (frame == null) {
                frame = pollEventFrame();
                if (frame == null) {
                    break;
                }
            }
            group[count++] = frame;
            bytes += frame.remaining();
        }
        return count;
    }

    private ByteBuffer pollReply() {
        ByteBuffer reply = nextReply;
        if (reply != null) {
            nextReply = control == null ? null : control.pollFirst();
        }
        return reply;
    }

    private boolean repliesWaiting() {
        return nextReply != null;
    }

    /**
     * Fails the group being sent after its send threw, unless its completion already ran: a
     * transport may fail the callback and then throw what the callback threw, and completing a
     * group twice would let go of its frames twice.
     */
    private void failUnlessCompleted(RuntimeException failure) {
        synchronized (this) {
            // Only this group's completion sets it while the send has not returned.
            if (completion != NOT_YET) {
                return;
            }
        }
        accept(failure);
    }

    /** Frames before the last of a group: a failure also fails the last, which reports it. */
    private static void partSent(Throwable failure) {
        // nothing to do: completion is tracked by the group's last frame
    }

    /** The group's last frame was written ({@code failure} null) or the write failed. */
    @Override
    public void accept(Throwable failure) {
        boolean inline;
        int delivered;
        synchronized (this) {
            sending = false;
            inline = !sendReturned;
            if (inline) {
                boolean idle = failure == null && (closed || events == 0 && !repliesWaiting());
                completion = idle ? NOTHING_WAITING : MORE_WAITING;
                if (idle && idleAwaited) {
                    notifyAll();
                }
            }
            delivered = groupEvents;
            finishGroup(failure == null);
            if (failure == null) {
                consecutiveDrops = 0;
                // Under the lock: the next group reuses groupAccepted once sending is false.
                long now = System.nanoTime();
                for (int i = 0; i < delivered; i++) {
                    policy.listener().deliveredAfter(now - (i == 0 ? firstAccepted : groupAccepted[i]));
                }
                // Also under the lock: whoever awaitIdle wakes must find these counted.
                if (delivered > 0) {
                    policy.listener().delivered(delivered);
                }
            }
        }
        if (failure != null) {
            policy.listener().sendFailed(session, failure);
            return;
        }
        if (!inline) {
            pump();
        }
    }

    /**
     * Under the lock, as the group completes: lets go of its frames, and gives the buffers of
     * its events back for the next frames when they were written. A failed write may leave the
     * transport still holding some, so those are left to the collector.
     */
    private void finishGroup(boolean written) {
        if (soleFrame != null) {
            if (written && groupEvents == 1) {
                FrameBuffers.giveBack(soleFrame);
            }
            soleFrame = null;
            return;
        }
        int frames = framesInGroup();
        int firstEvent = frames - groupEvents;
        for (int i = 0; i < frames; i++) {
            if (written && i >= firstEvent) {
                FrameBuffers.giveBack(group[i]);
            }
            group[i] = null;
        }
    }

    /** The frames sit from 0 to the first null; the count is not kept, to keep the outbox small. */
    private int framesInGroup() {
        int frames = 0;
        while (frames < group.length && group[frames] != null) {
            frames++;
        }
        return frames;
    }

    /** Most frames in one group: what the transport takes at once. */
    private int maxGroup() {
        return Math.max(1, transport.maxInFlight());
    }

    /** Doubles the group arrays (up to {@link #maxGroup()}) if more frames wait; false if none do. */
    private boolean growGroup() {
        if (!repliesWaiting() && events == 0) {
            return false;
        }
        int length = Math.min(maxGroup(), group.length * 2);
        group = Arrays.copyOf(group, length);
        groupAccepted = Arrays.copyOf(groupAccepted, length);
        return true;
    }

    /**
     * The next event's frame by priority, or null; notes when it was accepted ({@link
     * #firstAccepted} for the group's first, else {@link #groupAccepted}) and counts it in
     * {@link #groupEvents}.
     */
    private ByteBuffer pollEventFrame() {
        ByteBuffer frame = parked;
        if (frame != null) {
            // The only event waiting, and so the group's first: its time is in firstAccepted.
            parked = null;
            events--;
        } else {
            EventFrame event = pollEvent();
            if (event == null) {
                return null;
            }
            frame = event.bytes();
            if (groupEvents == 0) {
                firstAccepted = event.acceptedNanos();
            } else {
                groupAccepted[groupEvents] = event.acceptedNanos();
            }
        }
        groupEvents++;
        return frame;
    }

    private EventFrame pollEvent() {
        if (lanes == null) {
            return null;
        }
        for (int lane = lanes.length - 1; lane >= 0; lane--) {
            EventFrame frame = lanes[lane] == null ? null : lanes[lane].pollFirst();
            if (frame != null) {
                events--;
                return frame;
            }
        }
        return null;
    }

    private int lowestNonEmptyLane() {
        for (int lane = 0; lanes != null && lane < lanes.length; lane++) {
            if (lanes[lane] != null && !lanes[lane].isEmpty()) {
                return lane;
            }
        }
        throw new IllegalStateException("outbox is full but every lane is empty");
    }

    /** An event frame waiting in a lane, with when the router accepted its event. */
    private record EventFrame(ByteBuffer bytes, long acceptedNanos) {}
}
