package io.gridgov.campaigns.internal;

/** DRAFT → RUNNING → FINISHED; DRAFT or RUNNING → CANCELLED. FINISHED and CANCELLED are final. */
enum CampaignStatus {
	DRAFT, RUNNING, FINISHED, CANCELLED
}
