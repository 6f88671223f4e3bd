package vn.lienthong.gateway.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Resolves the gateway's folders (home, data, routes, schemas) to absolute paths once, before anything binds
 * them, points Camel at the route files, and stops start-up with a message naming a folder that is missing.
 */
public class GatewayPathsPostProcessor implements EnvironmentPostProcessor, Ordered {

    static final String SOURCE_NAME = "lienthongResolvedPaths";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        Path home = Path.of(env.getProperty("lienthong.home", System.getProperty("user.dir"))).toAbsolutePath().normalize();
        Path dataDir = home.resolve(env.getProperty("lienthong.data-dir", "data")).normalize();
        Path routesDir = home.resolve(env.getProperty("lienthong.routes-dir", "routes")).normalize();
        Path schemasDir = home.resolve(env.getProperty("lienthong.schemas-dir", "schemas")).normalize();

        requireFolder("lienthong.routes-dir", routesDir);
        requireFolder("lienthong.schemas-dir", schemasDir);

        Map<String, Object> resolved = new HashMap<>();
        resolved.put("lienthong.home", home.toString());
        resolved.put("lienthong.data-dir", dataDir.toString());
        resolved.put("lienthong.routes-dir", routesDir.toString());
        resolved.put("lienthong.schemas-dir", schemasDir.toString());
        resolved.put("camel.main.routes-include-pattern", "file:" + routesDir.toString().replace('\\', '/') + "/*.camel.yaml");
        env.getPropertySources().addFirst(new MapPropertySource(SOURCE_NAME, resolved));
    }

    private static void requireFolder(String setting, Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new IllegalStateException("Setting " + setting + " names folder " + folder
                    + ", which does not exist. Start the gateway from its home folder or set " + setting
                    + " (or lienthong.home) to where the folder is.");
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
