package dev.memtrack.benchmarks.overhead;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Jackson's data binding and tree model on an order book: 500 orders of a customer, an address, a
 * few line items and attributes each, serialized to JSON bytes and parsed back as records, then read
 * as a tree and summed; {@value #ROUNDS} rounds.
 */
public final class JacksonWorkload implements Workload {

    static final int ROUNDS = 60;

    /** A customer's address. */
    public record Address(String street, String city, String zip, String country) {
    }

    /** A customer. */
    public record Customer(long id, String name, String email, Address address, List<String> tags) {
    }

    /** One line of an order. */
    public record Item(String sku, String description, int quantity, double unitPrice) {
    }

    /** An order. */
    public record Order(long id, String placedAt, Customer customer, List<Item> items, Map<String, String> attributes,
                        String status) {
    }

    @Override
    public void run(Path work, Path input) throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        TypeReference<List<Order>> orders = new TypeReference<>() { };
        List<Order> book = book(500);
        double checksum = 0;
        for (int r = 0; r < ROUNDS; r++) {
            byte[] json = mapper.writeValueAsBytes(book);
            List<Order> back = mapper.readValue(json, orders);
            JsonNode tree = mapper.readTree(json);
            for (JsonNode order : tree) {
                for (JsonNode item : order.get("items")) {
                    checksum += item.get("quantity").asInt() * item.get("unitPrice").asDouble();
                }
            }
            checksum += back.size();
        }
        if (checksum <= 0) {
            throw new IllegalStateException("nothing was parsed");
        }
    }

    static List<Order> book(int size) {
        List<Order> book = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            Address address = new Address(i + " Main Street", "City " + (i % 50), String.format("%05d", i), "NL");
            Customer customer = new Customer(i, "Customer " + i, "customer" + i + "@example.com", address,
                    List.of("tag-" + (i % 7), "segment-" + (i % 3)));
            List<Item> items = new ArrayList<>();
            for (int k = 0; k < 1 + i % 6; k++) {
                items.add(new Item("SKU-" + (i * 31 + k), "Item " + k + " of order " + i, 1 + k, 9.99 + k));
            }
            Map<String, String> attributes = new LinkedHashMap<>();
            attributes.put("channel", i % 2 == 0 ? "web" : "store");
            attributes.put("priority", Integer.toString(i % 4));
            book.add(new Order(i, Instant.ofEpochSecond(1_600_000_000L + i * 60L).toString(), customer, items, attributes,
                    i % 5 == 0 ? "NEW" : "PAID"));
        }
        return book;
    }
}
