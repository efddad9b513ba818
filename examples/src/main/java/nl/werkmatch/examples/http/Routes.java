package nl.werkmatch.examples.http;

import nl.werkmatch.examples.RecordKind;
import nl.werkmatch.examples.RecordStore;
import nl.werkmatch.matcher.Matcher;

/**
 * Every route of the API, in one place, each with the role it needs; the OpenAPI document must list exactly these
 * (a test checks it).
 */
final class Routes {
    private Routes() {
    }

    /** The routes over {@code matcher}; closing the router stops the vacancy search it starts. */
    static Router of(Matcher matcher) {
        return of(RecordStore.of(matcher));
    }

    /** The routes over {@code matcher}, embedded or a cluster; closing the router stops the vacancy search. */
    static Router of(RecordStore matcher) {
        return of(matcher, new Housekeeping(matcher, null));
    }

    static Router of(RecordStore matcher, Housekeeping house) {
        ServiceMetrics metrics = new ServiceMetrics(matcher, house);
        Router router = new Router().observer(metrics);
        new DocumentRoutes<>(matcher, RecordKind.PROFILES, house).register(router);
        // The web page's vacancy search, built in the background and kept in step by the vacancy write routes.
        VacancySearch search = router.owns(VacancySearch.start(matcher, message -> Front.LOG.info(message)));
        new DocumentRoutes<>(matcher, RecordKind.VACANCIES, house, search::sync).register(router);
        new MatchRoutes(matcher).register(router);
        // On a cluster these answer 501 (they need the embedded engine), in this order as on a data directory.
        EngineOnlyRoutes.ALLOCATION.register(router, matcher);
        EngineOnlyRoutes.ADVICE.register(router, matcher);
        new ServiceRoutes(matcher).register(router);
        new AdminRoutes(matcher, house, metrics, search::purgeDeleted).register(router);
        EngineOnlyRoutes.AUDIT.register(router, matcher);
        new WorkbenchRoutes(matcher, search).register(router);
        new WebRoutes().register(router);
        return router;
    }
}
