package com.answerloop.knowledge;

import com.answerloop.shared.PortalSettings;
import com.answerloop.shared.web.JsonLd;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The schema.org {@code Article} description search engines read from an article page. */
@Component
class ArticleStructuredData {

    private final PortalSettings portal;

    ArticleStructuredData(PortalSettings portal) {
        this.portal = portal;
    }

    String jsonLd(ArticleDetails article) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("@context", "https://schema.org");
        data.put("@type", "Article");
        data.put("headline", article.title());
        data.put("description", article.summary());
        data.put("dateModified", article.updated().toString());
        data.put("keywords", String.join(", ", article.tags()));
        data.put("mainEntityOfPage", portal.absoluteUrl(article.url()));
        data.put("publisher", Map.of("@type", "Organization", "name", "Answerloop"));
        return JsonLd.toScript(data);
    }
}
