package io.leadbridge.routing;

import io.leadbridge.partner.Partner;
import io.leadbridge.partner.PartnerRepository;
import java.util.List;
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

    private record Snapshot(String stamp, List<Partner> active) {
    }

    public List<Partner> active() {
        String stamp = partners.stamp();
        Snapshot current = snapshot;
        if (current == null || !current.stamp().equals(stamp)) {
            current = new Snapshot(stamp, List.copyOf(partners.findActive()));
            snapshot = current;
        }
        return current.active();
    }
}
