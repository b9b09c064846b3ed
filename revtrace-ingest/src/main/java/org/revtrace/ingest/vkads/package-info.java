/**
 * VK Ads (ads.vk.com) spend: the statistics API v2 daily JSON, read from a file or fetched by
 * {@link org.revtrace.ingest.vkads.VkAdsStatisticsClient}. See docs/connectors/ad-spend.md.
 */
package org.revtrace.ingest.vkads;
