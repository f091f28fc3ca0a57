package solo.interfaces.http.server;

import java.net.InetAddress;
import java.net.UnknownHostException;
import solo.company.CompanyConfig;
import solo.execution.secret.ConfigSection;
import solo.support.SoloException;

/**
 * Where and how {@code solo up} serves: the {@code server} section of solo.yaml, overridden by the command
 * line. Loopback by default; any other address needs {@code --public} (there is no way to say it in
 * solo.yaml, so a copied config file cannot open a company to the network by itself).
 *
 * <pre>
 * server:
 *   host: 127.0.0.1
 *   port: 7070              # 0: any free port
 *   max_body_bytes: 1048576 # larger request bodies are refused with 413
 *   session_hours: 12       # a cockpit session ends after this long unused
 * </pre>
 */
public record ServerSettings(String host, int port, boolean allowPublic, long maxBodyBytes, int sessionHours) {
    public static final int DEFAULT_PORT = 7070;

    public static ServerSettings defaults() {
        return new ServerSettings("127.0.0.1", DEFAULT_PORT, false, 1 << 20, 12);
    }

    public static ServerSettings read(CompanyConfig config) {
        ConfigSection s = ConfigSection.of(config, "server").only("host", "port", "max_body_bytes", "session_hours");
        return new ServerSettings(s.text("host", "127.0.0.1"), s.integer("port", DEFAULT_PORT, 0, 65535), false,
                s.integer("max_body_bytes", 1 << 20, 1024, 64 << 20), s.integer("session_hours", 12, 1, 24 * 30));
    }

    public ServerSettings withHost(String newHost) {
        return new ServerSettings(newHost, port, allowPublic, maxBodyBytes, sessionHours);
    }

    public ServerSettings withPort(int newPort) {
        return new ServerSettings(host, newPort, allowPublic, maxBodyBytes, sessionHours);
    }

    public ServerSettings withPublic(boolean allow) {
        return new ServerSettings(host, port, allow, maxBodyBytes, sessionHours);
    }

    public ServerSettings withMaxBodyBytes(long max) {
        return new ServerSettings(host, port, allowPublic, max, sessionHours);
    }

    /** Refuses an address other than loopback unless {@code --public} was given. */
    public void checkBind() {
        InetAddress address;
        try {
            address = InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new SoloException("server.host '" + host + "' is not an address of this machine");
        }
        if (!address.isLoopbackAddress() && !allowPublic) {
            throw new SoloException("refusing to serve on " + host + ": it is not a loopback address, so anyone on the"
                    + " network could reach the company; give --public if that is what you want (and put TLS in front)");
        }
    }
}
