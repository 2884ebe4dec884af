package io.leadbridge.lifecycle;

import java.util.Arrays;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Reads the {@code offeredPartners} variable as the list the "Accept or decline lead" task
 * repeats over: one task per partner. (Referenced from the BPMN as {@code offeredPartnerList}.)
 */
@Component("offeredPartnerList")
public class OfferedPartnerList {

    public List<String> of(String offeredPartners) {
        if (offeredPartners == null || offeredPartners.isBlank()) {
            throw new IllegalStateException("the offer names no partner");
        }
        return Arrays.stream(offeredPartners.split(",")).map(String::trim).filter(p -> !p.isEmpty()).toList();
    }

    static String join(List<String> partnerIds) {
        return String.join(",", partnerIds);
    }
}
