package io.leadbridge.accountview;

import io.leadbridge.security.CallerProvider;
import io.leadbridge.web.InvalidInputException;
import io.leadbridge.web.InvalidInputException.FieldError;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/accounts} (search by name, domain, country; paged) and {@code GET /api/accounts/{id}}:
 * what each customer company is to the caller. Vendor users see every account; a partner user only
 * the accounts of leads its partner may see, and of those only that part.
 */
@RestController
@RequestMapping("/api/accounts")
class AccountController {

    static final int MAX_PAGE_SIZE = 100;

    private final AccountDirectory accounts;
    private final CallerProvider callers;

    AccountController(AccountDirectory accounts, CallerProvider callers) {
        this.accounts = accounts;
        this.callers = callers;
    }

    @GetMapping
    AccountPage search(@RequestParam(required = false) String name,
            @RequestParam(required = false) String domain,
            @RequestParam(required = false) String country,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        List<FieldError> errors = new ArrayList<>();
        name = text(name, "name", 200, errors);
        domain = text(domain, "domain", 253, errors);
        if (country != null && !country.matches("[A-Za-z]{2}")) {
            errors.add(new FieldError("country", "must be an ISO 3166 alpha-2 code such as DE"));
        }
        if (page < 0) {
            errors.add(new FieldError("page", "must be 0 or more"));
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            errors.add(new FieldError("size", "must be between 1 and " + MAX_PAGE_SIZE));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return accounts.search(name, domain, country == null ? null : country.toUpperCase(Locale.ROOT), page, size,
                callers.current());
    }

    @GetMapping("/{id}")
    AccountDetail get(@PathVariable long id) {
        return accounts.detail(id, callers.current());
    }

    /** The search text trimmed, null when blank; an error when longer than the column. */
    private static String text(String value, String field, int max, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > max) {
            errors.add(new FieldError(field, "must be at most " + max + " characters"));
            return null;
        }
        return value.trim();
    }
}
