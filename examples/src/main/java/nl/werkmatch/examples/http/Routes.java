package nl.werkmatch.examples.http;

import nl.werkmatch.examples.RecordKind;
import nl.werkmatch.matcher.Matcher;

/** Every route of the API, in one place; the OpenAPI document must list exactly these (a test checks it). */
final class Routes {
    private Routes() {
    }

    static Router of(Matcher matcher) {
        Router router = new Router();
        new DocumentRoutes<>(matcher, RecordKind.PROFILES).register(router);
        // The web page's vacancy search, built in the background and kept in step by the vacancy write routes.
        VacancySearch search = VacancySearch.start(matcher, message -> Front.LOG.info(message));
        new DocumentRoutes<>(matcher, RecordKind.VACANCIES, search::sync).register(router);
        new MatchRoutes(matcher).register(router);
        new ServiceRoutes(matcher).register(router);
        new WorkbenchRoutes(matcher, search).register(router);
        new WebRoutes().register(router);
        return router;
    }
}
