package dev.memtrack.simulator.demo;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.CRC32;

/**
 * Handles one simulated request: parses a header block into a map, renders a 2-8 KiB response and
 * checksums it. Many small objects that die young; a few tens of microseconds of CPU.
 */
final class RequestHandlerTask implements ProgramTask {

    private static final String[] PATHS = {"/orders", "/users/42", "/search?q=memory", "/health", "/cart"};

    private volatile long checksum;  // keeps the work observable so it is not optimised away

    @Override
    public void run(int worker) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String raw = "GET " + PATHS[random.nextInt(PATHS.length)] + " HTTP/1.1\nHost: demo\nX-Request-Id: "
                + random.nextLong() + "\nAccept: application/json\nUser-Agent: memtrack-demo/" + worker;
        Map<String, String> headers = new HashMap<>();
        for (String line : raw.split("\n")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.put(line.substring(0, colon).trim().toLowerCase(), line.substring(colon + 1).trim());
            }
        }
        StringBuilder body = new StringBuilder("{\"items\":[");
        int items = 20 + random.nextInt(80);
        for (int i = 0; i < items; i++) {
            body.append("{\"id\":").append(i).append(",\"name\":\"item-").append(random.nextInt(1000))
                    .append("\",\"host\":\"").append(headers.get("host")).append("\"},");
        }
        byte[] response = body.append("]}").toString().getBytes(StandardCharsets.UTF_8);
        CRC32 crc = new CRC32();
        crc.update(response);
        checksum += crc.getValue();
    }
}
