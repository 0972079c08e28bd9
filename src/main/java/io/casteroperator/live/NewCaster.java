package io.casteroperator.live;

import java.util.Map;

/**
 * What CreateCaster needs.
 *
 * @param clientToken makes the call idempotent: the same token returns the same caster
 * @param casterName name of the new caster
 * @param normType the API's NormType number
 * @param resourceGroupId resource group, or {@code null}
 * @param tags resource tags (ordered), possibly empty
 */
public record NewCaster(
    String clientToken, String casterName, int normType, String resourceGroupId, Map<String, String> tags) {}
