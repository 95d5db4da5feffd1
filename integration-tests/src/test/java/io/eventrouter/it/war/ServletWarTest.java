package io.eventrouter.it.war;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * The servlet WAR is the EE server WAR plus what a servlet-only container lacks, and nothing
 * else: the same classes and web resources, the same servlets and mappings, Weld Servlet's
 * listener first, and exactly five more libraries. Guards the two hand-kept web.xml files and
 * the two exclude lists in router-app's pom against drifting apart.
 */
class ServletWarTest {
    private static final String WELD_LISTENER = "org.jboss.weld.environment.servlet.Listener";
    private static final List<String> ADDED_LIBRARIES = List.of(
            "weld-servlet-shaded", "jakarta.json-api", "jakarta.json.bind-api", "parsson", "yasson");

    private final Path eeWar = Path.of(System.getProperty("router.war", "../router-app/target/event-router.war"));
    private final Path servletWar = Path.of(
            System.getProperty("router.servlet.war", "../router-app/target/event-router-servlet.war"));

    @Test
    void shouldAddOnlyCdiAndJsonLibrariesToTheEeWar() throws Exception {
        Set<String> ee = entries(eeWar);
        Set<String> servlet = entries(servletWar);

        Set<String> added = new TreeSet<>(servlet);
        added.removeAll(ee);
        Set<String> missing = new TreeSet<>(ee);
        missing.removeAll(servlet);

        assertThat(missing).as("entries of event-router.war missing from the servlet WAR").isEmpty();
        assertThat(added).as("entries only in the servlet WAR").hasSize(ADDED_LIBRARIES.size())
                .allSatisfy(entry -> assertThat(entry).startsWith("WEB-INF/lib/"));
        assertThat(added.stream().map(ServletWarTest::artifactName).toList())
                .containsExactlyInAnyOrderElementsOf(ADDED_LIBRARIES);
        assertThat(servlet).noneMatch(entry -> entry.startsWith("WEB-INF/lib/jetty-")
                || entry.startsWith("WEB-INF/lib/weld-se-") || entry.startsWith("WEB-INF/lib/jakarta.servlet")
                || entry.startsWith("WEB-INF/lib/jakarta.websocket") || entry.startsWith("WEB-INF/lib/logback"));
    }

    @Test
    void shouldDeclareTheSameWebApplicationWithWeldsListenerFirst() throws Exception {
        Document ee = webXml(eeWar);
        Document servlet = webXml(servletWar);

        List<String> servletListeners = texts(servlet, "listener-class");
        assertThat(servletListeners.get(0)).isEqualTo(WELD_LISTENER);
        assertThat(servletListeners.subList(1, servletListeners.size())).isEqualTo(texts(ee, "listener-class"));
        for (String element : List.of("servlet-name", "servlet-class", "url-pattern", "load-on-startup",
                "welcome-file", "param-name", "param-value")) {
            assertThat(texts(servlet, element)).as(element).isEqualTo(texts(ee, element));
        }
    }

    private static Set<String> entries(Path war) throws IOException {
        assertThat(war).as("built by router-app").isRegularFile();
        Set<String> names = new TreeSet<>();
        try (ZipFile zip = new ZipFile(war.toFile())) {
            zip.stream().map(ZipEntry::getName).filter(name -> !name.equals("WEB-INF/web.xml")).forEach(names::add);
        }
        return names;
    }

    /** {@code WEB-INF/lib/yasson-3.0.4.jar} → {@code yasson}. */
    private static String artifactName(String entry) {
        String file = entry.substring(entry.lastIndexOf('/') + 1);
        return file.replaceFirst("-\\d.*\\.jar$", "");
    }

    private static Document webXml(Path war) throws Exception {
        try (ZipFile zip = new ZipFile(war.toFile()); InputStream in = zip.getInputStream(zip.getEntry("WEB-INF/web.xml"))) {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(in);
        }
    }

    private static List<String> texts(Document document, String element) {
        NodeList nodes = document.getElementsByTagNameNS("*", element);
        List<String> values = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            values.add(nodes.item(i).getTextContent().strip());
        }
        return values;
    }
}
