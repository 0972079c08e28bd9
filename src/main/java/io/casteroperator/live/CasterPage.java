package io.casteroperator.live;

import java.util.List;

/**
 * One page of DescribeCasters.
 *
 * @param casters the casters of the page
 * @param total how many casters the account has in the region, over all pages
 */
public record CasterPage(List<CasterInfo> casters, int total) {
  public CasterPage {
    casters = List.copyOf(casters);
  }
}
