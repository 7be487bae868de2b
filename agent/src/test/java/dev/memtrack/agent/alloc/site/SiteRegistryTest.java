package dev.memtrack.agent.alloc.site;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SiteRegistryTest {

    private final SiteRegistry registry = new SiteRegistry();

    @Test
    void theSameLocationAndTypeGetTheSameIdAsWhenAClassIsInstrumentedAgain() {
        int location = registry.location(1, "com.acme.Orders", "place", "Orders.java", 42);
        int site = registry.site(location, "int[]", 3);

        assertThat(registry.location(1, "com.acme.Orders", "place", "Orders.java", 42)).isEqualTo(location);
        assertThat(registry.site(location, "int[]", 3)).isEqualTo(site);
        assertThat(registry.location(2, "com.acme.Orders", "place", "Orders.java", 42)).isNotEqualTo(location);
        assertThat(registry.location(1, "com.acme.Orders", "place", null, 42)).isNotEqualTo(location);
        assertThat(registry.site(location, "long[]", 3)).isNotEqualTo(site);
        assertThat(registry.site(location, "int[]", -1)).isNotEqualTo(site);
    }

    @Test
    void hundredThousandSitesKeepTheirIdsAndRecords() {
        int sites = 100_000;
        int[] ids = new int[sites];
        for (int i = 0; i < sites; i++) {
            int location = registry.location(i % 3, "gen.C" + (i / 500), "m", "C.java", i % 500);
            ids[i] = registry.site(location, i % 2 == 0 ? "java.lang.Object" : "byte[]", -1);
        }

        assertThat(registry.siteCount()).isEqualTo(sites);
        assertThat(registry.locationCount()).isEqualTo(sites);
        for (int i = 0; i < sites; i++) {
            assertThat(ids[i]).isEqualTo(i);
            Site site = registry.site(ids[i]);
            CodeLocation location = registry.location(site.location());
            assertThat(location.className()).isEqualTo("gen.C" + (i / 500));
            assertThat(location.line()).isEqualTo(i % 500);
            assertThat(location.loaderId()).isEqualTo(i % 3);
            int again = registry.site(registry.location(i % 3, "gen.C" + (i / 500), "m", "C.java", i % 500),
                    site.type(), -1);
            assertThat(again).isEqualTo(ids[i]);
        }
    }

    @Test
    void aMultiDimensionalBlockIsReusedForTheSameLocationAndTypes() {
        int location = registry.location(0, "A", "m", "A.java", 1);
        int first = registry.siteBlock(location, new String[] {"int[][]", "int[]"}, new int[] {7, 3});

        assertThat(registry.siteBlock(location, new String[] {"int[][]", "int[]"}, new int[] {7, 3})).isEqualTo(first);
        assertThat(registry.site(first).type()).isEqualTo("int[][]");
        assertThat(registry.site(first + 1).type()).isEqualTo("int[]");
        assertThat(registry.siteCount()).isEqualTo(first + 2);
    }
}
