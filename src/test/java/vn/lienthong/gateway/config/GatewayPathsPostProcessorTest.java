package vn.lienthong.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;

/** The gateway's folders are resolved against its home once, Camel is pointed at the routes, and a missing folder stops start-up. */
class GatewayPathsPostProcessorTest {

    @TempDir
    Path home;

    private final GatewayPathsPostProcessor processor = new GatewayPathsPostProcessor();
    private final MockEnvironment env = new MockEnvironment();

    @BeforeEach
    void homeWithRoutesAndSchemas() throws IOException {
        Files.createDirectories(home.resolve("routes"));
        Files.createDirectories(home.resolve("config/schemas"));
        env.setProperty("lienthong.home", home.toString());
    }

    @Test
    void resolvesRelativeFoldersAgainstHomeIntoAbsolutePaths() {
        env.setProperty("lienthong.routes-dir", "routes");
        env.setProperty("lienthong.schemas-dir", "config/schemas");
        env.setProperty("lienthong.data-dir", "./data");

        processor.postProcessEnvironment(env, null);

        assertThat(env.getProperty("lienthong.home")).isEqualTo(home.toAbsolutePath().normalize().toString());
        assertThat(env.getProperty("lienthong.routes-dir")).isEqualTo(absolute("routes"));
        assertThat(env.getProperty("lienthong.schemas-dir")).isEqualTo(absolute("config/schemas"));
        assertThat(env.getProperty("lienthong.data-dir")).isEqualTo(absolute("data"));
        assertThat(Path.of(env.getProperty("lienthong.data-dir"))).isAbsolute();
    }

    @Test
    void pointsCamelAtTheRouteFilesInTheRoutesFolder() {
        env.setProperty("lienthong.routes-dir", "routes");
        env.setProperty("lienthong.schemas-dir", "config/schemas");

        processor.postProcessEnvironment(env, null);

        assertThat(env.getProperty("camel.main.routes-include-pattern"))
                .isEqualTo("file:" + absolute("routes") + "/*.camel.yaml");
    }

    @Test
    void overridesARoutesIncludePatternSetElsewhere() {
        env.setProperty("lienthong.routes-dir", "routes");
        env.setProperty("lienthong.schemas-dir", "config/schemas");
        env.setProperty("camel.main.routes-include-pattern", "classpath:elsewhere/*.yaml");

        processor.postProcessEnvironment(env, null);

        assertThat(env.getProperty("camel.main.routes-include-pattern"))
                .isEqualTo("file:" + absolute("routes") + "/*.camel.yaml");
    }

    @Test
    void usesTheDefaultFolderNamesUnderHome() throws IOException {
        Files.createDirectories(home.resolve("schemas"));

        processor.postProcessEnvironment(env, null);

        assertThat(env.getProperty("lienthong.routes-dir")).isEqualTo(absolute("routes"));
        assertThat(env.getProperty("lienthong.schemas-dir")).isEqualTo(absolute("schemas"));
        assertThat(env.getProperty("lienthong.data-dir")).isEqualTo(absolute("data"));
    }

    @Test
    void normalisesParentSegments() throws IOException {
        Files.createDirectories(home.resolve("app"));
        env.setProperty("lienthong.home", home.resolve("app").toString());
        env.setProperty("lienthong.routes-dir", "../routes");
        env.setProperty("lienthong.schemas-dir", "../config/./schemas");
        env.setProperty("lienthong.data-dir", "../data");

        processor.postProcessEnvironment(env, null);

        assertThat(env.getProperty("lienthong.routes-dir")).isEqualTo(absolute("routes"));
        assertThat(env.getProperty("lienthong.schemas-dir")).isEqualTo(absolute("config/schemas"));
        assertThat(env.getProperty("lienthong.data-dir")).isEqualTo(absolute("data"));
    }

    @Test
    void keepsAbsoluteSettingsAsGiven(@TempDir Path elsewhere) throws IOException {
        Path routes = Files.createDirectories(elsewhere.resolve("my-routes")).toAbsolutePath();
        Path schemas = Files.createDirectories(elsewhere.resolve("my-schemas")).toAbsolutePath();
        Path data = elsewhere.resolve("my-data").toAbsolutePath();
        env.setProperty("lienthong.routes-dir", routes.toString());
        env.setProperty("lienthong.schemas-dir", schemas.toString());
        env.setProperty("lienthong.data-dir", data.toString());

        processor.postProcessEnvironment(env, null);

        assertThat(env.getProperty("lienthong.routes-dir")).isEqualTo(routes.toString());
        assertThat(env.getProperty("lienthong.schemas-dir")).isEqualTo(schemas.toString());
        assertThat(env.getProperty("lienthong.data-dir")).isEqualTo(data.toString());
        assertThat(env.getProperty("camel.main.routes-include-pattern"))
                .isEqualTo("file:" + routes + "/*.camel.yaml");
    }

    @Test
    void stopsWithTheAbsoluteFolderAndSettingWhenTheRoutesFolderIsMissing() {
        env.setProperty("lienthong.routes-dir", "no-such-routes");
        env.setProperty("lienthong.schemas-dir", "config/schemas");

        assertThatThrownBy(() -> processor.postProcessEnvironment(env, null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(absolute("no-such-routes"))
                .hasMessageContaining("lienthong.routes-dir");
        assertThat(env.getPropertySources().contains(GatewayPathsPostProcessor.SOURCE_NAME)).isFalse();
    }

    @Test
    void stopsWithTheAbsoluteFolderAndSettingWhenTheSchemasFolderIsMissing() {
        env.setProperty("lienthong.routes-dir", "routes");
        env.setProperty("lienthong.schemas-dir", "no-such-schemas");

        assertThatThrownBy(() -> processor.postProcessEnvironment(env, null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(absolute("no-such-schemas"))
                .hasMessageContaining("lienthong.schemas-dir");
    }

    @Test
    void refusesARoutesSettingThatNamesAFile() throws IOException {
        Files.writeString(home.resolve("routes.txt"), "not a folder");
        env.setProperty("lienthong.routes-dir", "routes.txt");
        env.setProperty("lienthong.schemas-dir", "config/schemas");

        assertThatThrownBy(() -> processor.postProcessEnvironment(env, null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("lienthong.routes-dir");
    }

    @Test
    void doesNotRequireTheDataFolderToExist() {
        env.setProperty("lienthong.routes-dir", "routes");
        env.setProperty("lienthong.schemas-dir", "config/schemas");
        env.setProperty("lienthong.data-dir", "not-yet-created");

        processor.postProcessEnvironment(env, null);

        assertThat(env.getProperty("lienthong.data-dir")).isEqualTo(absolute("not-yet-created"));
    }

    private String absolute(String relative) {
        return home.toAbsolutePath().resolve(relative).normalize().toString();
    }
}
