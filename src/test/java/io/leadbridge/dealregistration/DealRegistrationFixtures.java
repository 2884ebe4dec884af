package io.leadbridge.dealregistration;

import io.leadbridge.security.Caller;
import io.leadbridge.security.VendorGroups;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Registrations as a partner rep sends them, for the process and API tests. */
final class DealRegistrationFixtures {

    private DealRegistrationFixtures() {
    }

    static String newDomain() {
        return "deal-" + UUID.randomUUID().toString().substring(0, 8) + ".example";
    }

    static DealRegistrationRequest request(String domain, String product, String amount) {
        return new DealRegistrationRequest(
                new DealRegistrationRequest.Account("Customer " + domain, domain, "Retail", "US"),
                new DealRegistrationRequest.Contact("Cleo", "Customer", "cleo@" + domain, null, "CIO"),
                List.of(product), new BigDecimal(amount), "EUR", LocalDate.now().plusMonths(3),
                "met the CIO at a trade fair");
    }

    /** The same request as a JSON body. */
    static Map<String, Object> body(String domain, String product, Object amount) {
        return Map.of(
                "account", Map.of("name", "Customer " + domain, "domain", domain, "country", "US"),
                "contact", Map.of("firstName", "Cleo", "lastName", "Customer", "email", "cleo@" + domain),
                "products", List.of(product),
                "amount", amount,
                "currency", "EUR",
                "expectedCloseDate", LocalDate.now().plusMonths(3).toString(),
                "foundHow", "met the CIO at a trade fair");
    }

    static Caller rep(String username, String partnerId) {
        return new Caller(username, Set.of(VendorGroups.PARTNER_GROUP_PREFIX + partnerId));
    }
}
