package io.leadbridge.routing;

import io.leadbridge.partner.Partner;
import io.leadbridge.partner.PartnerRepository;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/**
 * The active partners with what they cover, kept in memory and reloaded only when a partner
 * changes (one small query per lead tells), so routing scans thousands of partners without
 * reading them from the database each time.
 */
@Component
public class PartnerDirectory {

    private final PartnerRepository partners;
    private volatile Snapshot snapshot;

    PartnerDirectory(PartnerRepository partners) {
        this.partners = partners;
    }

    private record Snapshot(String stamp, List<Partner> active, Map<String, List<Partner>> byTerritory) {

        static Snapshot of(String stamp, List<Partner> active) {
            Map<String, List<Partner>> byTerritory = new HashMap<>();
            for (Partner partner : active) {
                partner.countries().forEach(c -> byTerritory.computeIfAbsent(c, k -> new ArrayList<>()).add(partner));
                partner.regions().forEach(r -> byTerritory.computeIfAbsent(r, k -> new ArrayList<>()).add(partner));
            }
            return new Snapshot(stamp, List.copyOf(active), byTerritory);
        }
    }

    public List<Partner> active() {
        return current().active();
    }

    /**
     * The active partners covering a country whole or the given region of it (the region may be
     * null), in id order: a lead's candidates without scanning every partner.
     */
    public List<Partner> covering(String country, String region) {
        Snapshot current = current();
        List<Partner> whole = current.byTerritory().getOrDefault(country, List.of());
        List<Partner> regional = region == null || !region.startsWith(country + "-") ? List.of()
                : current.byTerritory().getOrDefault(region, List.of());
        if (regional.isEmpty()) {
            return whole;
        }
        TreeMap<String, Partner> both = new TreeMap<>();
        whole.forEach(p -> both.put(p.id(), p));
        regional.forEach(p -> both.put(p.id(), p));
        return List.copyOf(both.values());
    }

    private Snapshot current() {
        String stamp = partners.stamp();
        Snapshot current = snapshot;
        if (current == null || !current.stamp().equals(stamp)) {
            current = Snapshot.of(stamp, partners.findActive());
            snapshot = current;
        }
        return current;
    }
}
