package io.casteroperator.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.live.model.v20161101.DescribeCastersRequest;
import com.aliyuncs.live.model.v20161101.DescribeCastersResponse;
import com.aliyuncs.live.model.v20161101.SetCasterConfigRequest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** DescribeCasters pages (issue 13): 100 per page at most, stable order, the right Total, through the real SDK. */
class DescribeCastersPagingIT extends EmulatorFixture {

  private static DescribeCastersResponse page(int pageNum, int pageSize, String orderByModifyAsc) throws ClientException {
    DescribeCastersRequest r = new DescribeCastersRequest();
    r.setPageNum(pageNum);
    r.setPageSize(pageSize);
    r.setOrderByModifyAsc(orderByModifyAsc);
    return call(r);
  }

  private static List<String> ids(DescribeCastersResponse page) {
    return page.getCasterList().stream().map(DescribeCastersResponse.Caster::getCasterId).toList();
  }

  @Test
  void pagesThroughTwoHundredFiftyCastersWithoutGapOrOverlap() throws ClientException {
    List<String> created = new ArrayList<>();
    for (int i = 0; i < 250; i++) {
      created.add(emulator.createCaster(ACCOUNT_1, null, "studio-" + i));
    }
    emulator.createCaster(ACCOUNT_1, "cn-beijing", null, "elsewhere");
    emulator.createCaster(ACCOUNT_2, null, "other account");

    List<String> seen = new ArrayList<>();
    for (int pageNum = 1; pageNum <= 3; pageNum++) {
      DescribeCastersResponse page = page(pageNum, 100, null);
      assertEquals(250, page.getTotal(), "Total counts every match, not the page");
      assertEquals(pageNum < 3 ? 100 : 50, page.getCasterList().size());
      seen.addAll(ids(page));
      if (pageNum == 1) {
        // A change between two page reads moves nothing: the default order is by creation.
        SetCasterConfigRequest touch = new SetCasterConfigRequest();
        touch.setCasterId(created.get(10));
        touch.setDomainName("example.com");
        call(touch);
      }
    }
    List<String> newestFirst = new ArrayList<>(created);
    java.util.Collections.reverse(newestFirst);
    assertEquals(newestFirst, seen, "newest first, each caster exactly once");
    DescribeCastersResponse beyond = page(4, 100, null);
    assertEquals(250, beyond.getTotal());
    assertTrue(beyond.getCasterList().isEmpty());

    Set<String> ascending = new HashSet<>();
    for (int pageNum = 1; pageNum <= 9; pageNum++) {
      ascending.addAll(ids(page(pageNum, 30, "true")));
    }
    assertEquals(new HashSet<>(created), ascending, "least recently modified first: the same casters, once each");

    DescribeCastersRequest tooLarge = new DescribeCastersRequest();
    tooLarge.setPageSize(101);
    assertEquals("InvalidParameter.Malformed", code(tooLarge));
    DescribeCastersRequest zero = new DescribeCastersRequest();
    zero.setPageNum(0);
    assertEquals("InvalidParameter.Malformed", code(zero));
    assertEquals(10, call(new DescribeCastersRequest()).getCasterList().size(), "10 per page by default");
  }
}
