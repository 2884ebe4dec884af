package io.leadbridge.campaign;

import io.leadbridge.reporting.ReportingProperties;
import io.leadbridge.web.ApiException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Registers and changes marketing campaigns; a campaign's currency defaults to the reporting currency. */
@Service
public class Campaigns {

    private static final Logger log = LoggerFactory.getLogger(Campaigns.class);

    private final CampaignRepository campaigns;
    private final ReportingProperties reporting;

    Campaigns(CampaignRepository campaigns, ReportingProperties reporting) {
        this.campaigns = campaigns;
        this.reporting = reporting;
    }

    /** 400 naming every broken field; 409 when the code is taken. */
    @Transactional
    public Campaign create(CampaignRequest request, String actor) {
        request.check(null);
        if (campaigns.existsById(request.code())) {
            throw ApiException.conflict("campaign '" + request.code() + "' already exists");
        }
        try {
            campaigns.save(Campaign.of(request, currency(request)));
        } catch (DuplicateKeyException registeredMeanwhile) {
            throw ApiException.conflict("campaign '" + request.code() + "' already exists");
        }
        log.info("campaign {}: registered by {} ({}, cost {} {})", request.code(), actor, request.channel(),
                request.cost(), currency(request));
        return get(request.code());
    }

    /** Replaces the campaign's name, channel, cost, currency and dates; 404 when it does not exist. */
    @Transactional
    public Campaign update(String code, CampaignRequest request, String actor) {
        request.check(code);
        campaigns.save(get(code).changedTo(request, currency(request)));
        log.info("campaign {}: changed by {} ({}, cost {} {})", code, actor, request.channel(), request.cost(),
                currency(request));
        return get(code);
    }

    public Campaign get(String code) {
        return campaigns.findById(code).orElseThrow(() -> notFound(code));
    }

    public List<Campaign> all() {
        return campaigns.findAllByOrderByStartsOnDescCodeAsc();
    }

    private String currency(CampaignRequest request) {
        return request.currency() == null ? reporting.currency() : request.currency();
    }

    private static ApiException notFound(String code) {
        return ApiException.notFound("campaign '" + code + "' does not exist");
    }
}
