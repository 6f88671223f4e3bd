package vn.lienthong.gateway.localsystem;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

import vn.lienthong.gateway.EndpointUrl;
import vn.lienthong.gateway.vdxp.VdxpAxisProperties;
import vn.lienthong.gateway.vdxp.VdxpInboundProperties;

/**
 * The local document system of each organ code the gateway receives for, from {@code lienthong.vdxp.local-systems},
 * checked at start-up against {@code lienthong.vdxp.organ-ids}: every organ has exactly one, none is configured for an
 * organ the gateway does not receive for, and a path alone (this gateway's own port) only in the sandbox.
 */
@Component
public class LocalSystems {

    private final Map<String, LocalSystemEndpoint> byOrgan;

    LocalSystems(VdxpInboundProperties inbound, VdxpAxisProperties axis, Environment environment,
                 ApplicationContext context) {
        List<String> problems = new ArrayList<>();
        Map<String, LocalSystemEndpoint> endpoints = new LinkedHashMap<>();
        boolean sandbox = environment.acceptsProfiles(Profiles.of("sandbox"));
        List<VdxpInboundProperties.LocalSystem> systems = inbound.getLocalSystems();
        for (int i = 0; i < systems.size(); i++) {
            VdxpInboundProperties.LocalSystem system = systems.get(i);
            String name = "lienthong.vdxp.local-systems[" + i + "]";
            String url = stripTrailingSlash(system.getUrl().strip());
            if (url.startsWith("/") && !sandbox) {
                problems.add(name + ".url is a path on this gateway (" + url + "); outside the sandbox profile it must "
                        + "be the http(s) URL of the local document system");
                continue;
            }
            if (!url.startsWith("/") && !validAbsolute(url)) {
                problems.add(name + ".url must be an http(s) URL with a host and no query, fragment or user info");
                continue;
            }
            LocalSystemEndpoint endpoint = new LocalSystemEndpoint(
                    new EndpointUrl(url, "the local document system " + name, context), system.getApiKey(),
                    system.getConnectTimeout(), system.getRequestTimeout(), name);
            for (String organ : system.getOrganIds()) {
                if (!axis.getOrganIds().contains(organ)) {
                    problems.add(name + ".organ-ids lists " + organ + ", which is not in lienthong.vdxp.organ-ids");
                } else if (endpoints.putIfAbsent(organ, endpoint) != null) {
                    problems.add(organ + " has two local systems in lienthong.vdxp.local-systems");
                }
            }
        }
        for (String organ : axis.getOrganIds()) {
            if (!endpoints.containsKey(organ) && problems.stream().noneMatch(p -> p.contains(organ))) {
                problems.add("lienthong.vdxp.organ-ids lists " + organ + " but no lienthong.vdxp.local-systems entry "
                        + "receives for it: its incoming documents would have nowhere to go");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Local document systems misconfigured: " + String.join("; ", problems));
        }
        this.byOrgan = Collections.unmodifiableMap(endpoints);
    }

    /** The local system that receives for this organ code, if one is configured. */
    public Optional<LocalSystemEndpoint> of(String organId) {
        return Optional.ofNullable(organId == null ? null : byOrgan.get(organId));
    }

    private static boolean validAbsolute(String url) {
        try {
            URI uri = URI.create(url);
            return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null
                    && uri.getRawQuery() == null && uri.getRawFragment() == null && uri.getRawUserInfo() == null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String stripTrailingSlash(String url) {
        return url.length() > 1 && url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
