package io.leadbridge.campaign;

import io.leadbridge.security.Caller;
import io.leadbridge.security.CallerProvider;
import io.leadbridge.web.ApiException;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Marketing campaigns: channel managers register and change them; everyone logged in reads them. */
@RestController
@RequestMapping("/api/campaigns")
class CampaignController {

    private final Campaigns campaigns;
    private final CallerProvider callers;

    CampaignController(Campaigns campaigns, CallerProvider callers) {
        this.campaigns = campaigns;
        this.callers = callers;
    }

    @GetMapping
    List<Campaign> list() {
        return campaigns.all();
    }

    @GetMapping("/{code}")
    Campaign get(@PathVariable String code) {
        return campaigns.get(code);
    }

    @PostMapping
    ResponseEntity<Campaign> create(@RequestBody CampaignRequest request) {
        Caller caller = channelManager();
        Campaign campaign = campaigns.create(request, caller.username());
        return ResponseEntity.created(URI.create("/api/campaigns/" + campaign.code())).body(campaign);
    }

    @PutMapping("/{code}")
    Campaign update(@PathVariable String code, @RequestBody CampaignRequest request) {
        return campaigns.update(code, request, channelManager().username());
    }

    private Caller channelManager() {
        Caller caller = callers.current();
        if (!caller.isChannelManager()) {
            throw ApiException.forbidden("only channel managers may register or change campaigns");
        }
        return caller;
    }
}
