package io.leadbridge.partner;

import io.leadbridge.security.Caller;
import io.leadbridge.security.CallerProvider;
import io.leadbridge.security.PartnerCredential;
import io.leadbridge.security.PartnerCredentials;
import io.leadbridge.web.ApiException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A partner's API credentials, for its CRM. Channel managers manage them for any partner, a
 * partner's reps for their own partner only. A CRM cannot manage credentials itself: a leaked
 * secret must not be able to mint new ones that outlive its revocation.
 */
@RestController
@RequestMapping("/api/partners/{partnerId}/credentials")
class PartnerCredentialController {

    private final PartnerCredentials credentials;
    private final PartnerService partners;
    private final CallerProvider callers;

    PartnerCredentialController(PartnerCredentials credentials, PartnerService partners, CallerProvider callers) {
        this.credentials = credentials;
        this.partners = partners;
        this.callers = callers;
    }

    @PostMapping
    ResponseEntity<IssuedView> create(@PathVariable String partnerId,
            @Valid @RequestBody(required = false) CredentialRequest request) {
        Caller caller = requireMayManage(partnerId);
        var issued = credentials.issue(partnerId, request == null ? null : request.label(), caller.username());
        return ResponseEntity.created(URI.create("/api/partners/" + partnerId + "/credentials/"
                        + issued.credential().clientId()))
                // The secret is in this answer only: no cache may keep it.
                .cacheControl(CacheControl.noStore())
                .body(IssuedView.of(issued));
    }

    @GetMapping
    List<CredentialView> list(@PathVariable String partnerId) {
        requireMayManage(partnerId);
        return credentials.list(partnerId).stream().map(CredentialView::of).toList();
    }

    @GetMapping("/{clientId}")
    CredentialView get(@PathVariable String partnerId, @PathVariable String clientId) {
        requireMayManage(partnerId);
        return CredentialView.of(credential(partnerId, clientId));
    }

    /** Revokes the credential at once; revoking it again changes nothing. */
    @DeleteMapping("/{clientId}")
    ResponseEntity<Void> revoke(@PathVariable String partnerId, @PathVariable String clientId) {
        Caller caller = requireMayManage(partnerId);
        credentials.revoke(credential(partnerId, clientId).clientId(), caller.username());
        return ResponseEntity.noContent().build();
    }

    private PartnerCredential credential(String partnerId, String clientId) {
        return credentials.find(partnerId, clientId).orElseThrow(() -> ApiException.notFound(
                "partner '" + partnerId + "' has no API credential '" + clientId + "'"));
    }

    private Caller requireMayManage(String partnerId) {
        Caller caller = callers.current();
        if (caller.isPartnerCrm()) {
            throw ApiException.forbidden("an API credential cannot manage API credentials; a rep of the partner "
                    + "or a channel manager can");
        }
        if (caller.isPartnerUser() && !partnerId.equals(caller.partnerId())) {
            throw ApiException.forbidden("you may only manage your own partner's API credentials");
        }
        if (!caller.isPartnerUser() && !caller.isChannelManager()) {
            throw ApiException.forbidden("only channel managers and the partner's reps may manage API credentials");
        }
        partners.get(partnerId);
        return caller;
    }

    /** What {@code POST} takes: an optional label naming the CRM, such as "Salesforce sync". */
    record CredentialRequest(@Size(max = 100) String label) {
    }

    /** A credential without its secret, as listed. */
    record CredentialView(String clientId, String partnerId, String label, Instant createdAt, String createdBy,
            Instant lastUsedAt, Instant revokedAt, String revokedBy, boolean active) {

        static CredentialView of(PartnerCredential c) {
            return new CredentialView(c.clientId(), c.partnerId(), c.label(), c.createdAt(), c.createdBy(),
                    c.lastUsedAt(), c.revokedAt(), c.revokedBy(), !c.isRevoked());
        }
    }

    /** A new credential with its secret: the only time the secret is shown. */
    record IssuedView(String clientId, String secret, String partnerId, String label, Instant createdAt,
            String createdBy) {

        static IssuedView of(PartnerCredentials.Issued issued) {
            PartnerCredential c = issued.credential();
            return new IssuedView(c.clientId(), issued.secret(), c.partnerId(), c.label(), c.createdAt(),
                    c.createdBy());
        }
    }
}
