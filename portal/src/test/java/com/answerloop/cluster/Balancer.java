package com.answerloop.cluster;

import com.answerloop.support.PortalProcess;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's HAProxy on a free loopback port in front of the nodes, as docker/compose-cluster.yaml runs it: round
 * robin, a node out after two failed {@code /actuator/health} checks half a second apart, and a request whose node
 * refuses the connection sent to another node.
 */
final class Balancer implements AutoCloseable {

    private final Process process;
    private final int port;

    private Balancer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static Balancer start(Path dir, PortalProcess... nodes) throws IOException {
        Files.createDirectories(dir);
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        StringBuilder config = new StringBuilder("""
                global
                    maxconn 256
                defaults
                    mode http
                    timeout connect 2s
                    timeout client 60s
                    timeout server 60s
                    retries 3
                    option redispatch
                frontend portal
                    bind 127.0.0.1:%d
                    default_backend nodes
                backend nodes
                    balance roundrobin
                    option httpchk GET /actuator/health
                    http-check expect status 200
                """.formatted(port));
        int n = 0;
        for (PortalProcess node : nodes) {
            URI uri = node.uri("");
            config.append("    server node%d %s:%d check inter 500ms fall 2 rise 2%n"
                    .formatted(++n, uri.getHost(), uri.getPort()));
        }
        Path file = dir.resolve("haproxy.cfg");
        Files.writeString(file, config);
        Process process = new ProcessBuilder(haproxy(), "-db", "-f", file.toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("haproxy.log").toFile())
                .start();
        Balancer balancer = new Balancer(process, port);
        balancer.awaitServing();
        return balancer;
    }

    private static String haproxy() {
        for (String candidate : List.of("/usr/sbin/haproxy", "/usr/bin/haproxy")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return candidate;
            }
        }
        throw new IllegalStateException(
                "haproxy is not installed: scripts/test.sh installs it (apt-get install haproxy)");
    }

    private void awaitServing() {
        HttpClient client = HttpClient.newHttpClient();
        boolean serving = PortalProcess.within(Duration.ofSeconds(30), () -> {
            try {
                return client.send(
                                        HttpRequest.newBuilder(URI.create(url() + "/actuator/health"))
                                                .build(),
                                        HttpResponse.BodyHandlers.discarding())
                                .statusCode()
                        == 200;
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        });
        if (!serving) {
            throw new IllegalStateException("HAProxy did not serve on port " + port);
        }
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
