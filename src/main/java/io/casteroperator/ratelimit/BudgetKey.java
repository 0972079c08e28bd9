package io.casteroperator.ratelimit;

/**
 * What the service counts a quota against: one account and one action.
 *
 * @param account the Alibaba Cloud account (or the AccessKeyId standing for it)
 * @param action the API action, such as {@code SetCasterConfig}
 */
public record BudgetKey(String account, String action) {}
