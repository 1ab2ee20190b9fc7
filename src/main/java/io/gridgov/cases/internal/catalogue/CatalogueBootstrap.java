package io.gridgov.cases.internal.catalogue;

import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.gridgov.cases.RoutingTarget;
import io.gridgov.platform.Ids;
import io.gridgov.platform.scope.RegionCode;

/**
 * Loads the reference catalogue into an empty installation, in every profile: the category tree
 * and two region-wide routing rules at the root region (disputes go to the grid's lead worker for
 * mediation first; help for people in hardship goes to the community).
 */
@Component
@Order(50)
class CatalogueBootstrap implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(CatalogueBootstrap.class);

	private final CatalogueStore store;
	private final TransactionTemplate transaction;
	private final Clock clock;
	private final RegionCode root;

	CatalogueBootstrap(CatalogueStore store, TransactionTemplate transaction, Clock clock,
			@Value("${gridgov.regions.root-code:000000000000}") String rootCode) {
		this.store = store;
		this.transaction = transaction;
		this.clock = clock;
		this.root = RegionCode.of(rootCode);
	}

	@Override
	public void run(ApplicationArguments args) {
		transaction.executeWithoutResult(status -> {
			if (store.countCategories() == 0) {
				loadCategories(clock.instant());
			}
			if (store.countRules() == 0) {
				store.insert(new RoutingRule(Ids.newId(clock), "DISPUTE", root, RoutingTarget.gridLead(), 0,
						"矛盾纠纷先由网格长就地调解", null), clock.instant());
				store.insert(new RoutingRule(Ids.newId(clock), "HARDSHIP_AID", root,
						RoutingTarget.department(ReferenceCatalogue.COMMUNITY), 0, "困难群众先由社区入户核实", null),
						clock.instant());
			}
		});
	}

	private void loadCategories(Instant now) {
		int order = 0;
		int leaves = 0;
		for (ReferenceCatalogue.ClassSeed seed : ReferenceCatalogue.CLASSES) {
			Category parent = Category.newClass(seed.code(), ++order, seed.name(), seed.nameEn());
			store.insert(parent, now);
			int leafOrder = 0;
			for (ReferenceCatalogue.LeafSeed leaf : seed.leaves()) {
				store.insert(Category.newLeaf(leaf.code(), parent, ++leafOrder,
						new Category.LeafTerms(leaf.name(), leaf.nameEn(), leaf.department(), leaf.deadlines(),
								leaf.emergency(), leaf.closure())),
						now);
				leaves++;
			}
		}
		log.info("Case categories loaded: {} classes, {} leaves", ReferenceCatalogue.CLASSES.size(), leaves);
	}
}
