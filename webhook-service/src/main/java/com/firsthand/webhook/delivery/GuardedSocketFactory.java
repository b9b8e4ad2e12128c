package com.firsthand.webhook.delivery;

import com.firsthand.webhook.domain.TargetPolicy;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketException;
import java.util.Optional;
import javax.net.SocketFactory;

/**
 * The last check before a byte leaves: every socket refuses to connect to a non-public address. It also covers
 * URLs whose host is an IP literal, which OkHttp connects to without asking the Dns.
 */
public final class GuardedSocketFactory extends SocketFactory {

    private final TargetPolicy policy;

    public GuardedSocketFactory(TargetPolicy policy) {
        this.policy = policy;
    }

    @Override
    public Socket createSocket() {
        return new GuardedSocket(policy);
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return connected(new InetSocketAddress(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return connected(new InetSocketAddress(host, port));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return connected(new InetSocketAddress(host, port));
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        return connected(new InetSocketAddress(address, port));
    }

    private Socket connected(InetSocketAddress address) throws IOException {
        Socket socket = new GuardedSocket(policy);
        socket.connect(address);
        return socket;
    }

    static final class GuardedSocket extends Socket {

        private final TargetPolicy policy;

        GuardedSocket(TargetPolicy policy) {
            this.policy = policy;
        }

        @Override
        public void connect(SocketAddress endpoint, int timeout) throws IOException {
            if (endpoint instanceof InetSocketAddress inet && inet.getAddress() != null) {
                Optional<String> refusal = policy.refusal(inet.getAddress());
                if (refusal.isPresent()) {
                    close();
                    throw new SocketException("refused to connect to a non-public address: not a permitted webhook"
                            + " target");
                }
            }
            super.connect(endpoint, timeout);
        }
    }
}
