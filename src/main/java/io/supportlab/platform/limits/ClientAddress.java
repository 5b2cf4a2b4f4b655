package io.supportlab.platform.limits;

import jakarta.servlet.http.HttpServletRequest;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HexFormat;

/**
 * The client a request comes from, as abuse limits count it. The address is Tomcat's remote
 * address, which already honours {@code X-Forwarded-For} from the configured trusted proxies only
 * ({@code supportlab.http.trusted-proxies}). An IPv6 client usually owns a whole /64, so that is
 * what one client is.
 */
public final class ClientAddress {

    private ClientAddress() {}

    /** The address of the client, as the audit log records it. */
    public static String of(HttpServletRequest request) {
        return request.getRemoteAddr();
    }

    /** The key under which limits count the request's client. */
    public static String key(HttpServletRequest request) {
        return key(request.getRemoteAddr());
    }

    public static String key(String address) {
        if (address.indexOf(':') < 0) {
            return address;
        }
        try {
            // A literal address: no name lookup happens.
            InetAddress parsed = InetAddress.getByName(address);
            if (parsed instanceof Inet6Address v6) {
                byte[] prefix = java.util.Arrays.copyOf(v6.getAddress(), 8);
                return HexFormat.of().formatHex(prefix) + "::/64";
            }
            return parsed.getHostAddress();
        } catch (UnknownHostException e) {
            return address;
        }
    }
}
