package io.leadbridge.campaign;

import java.util.List;
import org.springframework.data.repository.ListCrudRepository;

/** The {@code campaign} table. */
interface CampaignRepository extends ListCrudRepository<Campaign, String> {

    /** Every campaign, the latest to start first. */
    List<Campaign> findAllByOrderByStartsOnDescCodeAsc();
}
