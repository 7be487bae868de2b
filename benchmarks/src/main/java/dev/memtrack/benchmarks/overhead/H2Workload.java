package dev.memtrack.benchmarks.overhead;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.h2.tools.RunScript;

/**
 * H2's {@code RunScript} over an in-memory database: two tables filled with 5,000 customers and
 * 40,000 orders, an index, then {@value #ROUNDS} rounds of a join with aggregation, a grouped
 * average, an update of a tenth of the orders and a ranged, sorted query.
 */
public final class H2Workload implements Workload {

    static final int ROUNDS = 8;

    @Override
    public void run(Path work, Path input) throws Exception {
        Path script = work.resolve("h2-workload.sql");
        Files.writeString(script, script(), StandardCharsets.UTF_8);
        RunScript.main("-url", "jdbc:h2:mem:overhead", "-user", "sa", "-script", script.toString());
    }

    static String script() {
        StringBuilder sql = new StringBuilder("""
                CREATE TABLE customer(id INT PRIMARY KEY, name VARCHAR(64), city VARCHAR(32), created TIMESTAMP);
                CREATE TABLE orders(id INT PRIMARY KEY, customer_id INT, amount DECIMAL(12, 2), status VARCHAR(16),
                    note VARCHAR(200));
                INSERT INTO customer SELECT X, 'customer-' || X, 'city-' || MOD(X, 97),
                    DATEADD(MINUTE, X, TIMESTAMP '2020-01-01 00:00:00') FROM SYSTEM_RANGE(1, 5000);
                INSERT INTO orders SELECT X, MOD(X * 7919, 5000) + 1, MOD(X * 31, 100000) / 100.0,
                    CASE MOD(X, 3) WHEN 0 THEN 'NEW' WHEN 1 THEN 'PAID' ELSE 'SHIPPED' END, REPEAT('x', MOD(X, 50))
                    FROM SYSTEM_RANGE(1, 40000);
                CREATE INDEX orders_customer ON orders(customer_id);
                """);
        for (int r = 0; r < ROUNDS; r++) {
            int from = (r * 487) % 4_500 + 1;
            sql.append("SELECT c.city, COUNT(*), SUM(o.amount) FROM orders o JOIN customer c ON o.customer_id = c.id")
                    .append(" GROUP BY c.city ORDER BY 3 DESC;\n")
                    .append("SELECT status, AVG(amount), MAX(LENGTH(note)) FROM orders GROUP BY status;\n")
                    .append("UPDATE orders SET amount = amount + 1, note = CONCAT(note, 'y') WHERE MOD(id, 10) = ")
                    .append(r % 10).append(";\n")
                    .append("SELECT o.id, c.name, o.amount FROM orders o JOIN customer c ON o.customer_id = c.id")
                    .append(" WHERE o.customer_id BETWEEN ").append(from).append(" AND ").append(from + 500)
                    .append(" ORDER BY o.amount DESC LIMIT 50;\n");
        }
        return sql.toString();
    }
}
