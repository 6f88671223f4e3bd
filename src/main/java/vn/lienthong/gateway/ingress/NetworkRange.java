package vn.lienthong.gateway.ingress;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** An IPv4 or IPv6 network written as {@code address/prefix} (a bare address is a network of one). */
record NetworkRange(byte[] network, int prefix) {

    /** The range a CIDR text stands for; refused, naming the text, when it is not one. */
    static NetworkRange parse(String cidr) {
        String[] parts = cidr.trim().split("/", -1);
        if (parts.length > 2 || parts[0].isEmpty() || !parts[0].matches("[0-9A-Fa-f:.]+")) {
            throw new IllegalArgumentException("Not a network address/prefix: " + cidr);
        }
        byte[] address;
        try {
            address = InetAddress.getByName(parts[0]).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("Not a network address/prefix: " + cidr, e);
        }
        int prefix = address.length * 8;
        if (parts.length == 2) {
            try {
                prefix = Integer.parseInt(parts[1]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Not a network prefix length: " + cidr, e);
            }
            if (prefix < 0 || prefix > address.length * 8) {
                throw new IllegalArgumentException("Prefix length out of range: " + cidr);
            }
        }
        return new NetworkRange(address, prefix);
    }

    /** Whether the address (as the servlet container gives it) lies in this network. */
    boolean contains(String address) {
        if (address == null || !address.matches("[0-9A-Fa-f:.%a-zA-Z]+")) {
            return false;
        }
        byte[] candidate;
        try {
            candidate = InetAddress.getByName(address).getAddress();
        } catch (UnknownHostException e) {
            return false;
        }
        if (candidate.length != network.length) {
            return false;
        }
        int whole = prefix / 8;
        for (int i = 0; i < whole; i++) {
            if (candidate[i] != network[i]) {
                return false;
            }
        }
        int rest = prefix % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xFF << (8 - rest)) & 0xFF;
        return (candidate[whole] & mask) == (network[whole] & mask);
    }
}
