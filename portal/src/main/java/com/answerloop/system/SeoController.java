package com.answerloop.system;

import com.answerloop.community.ThreadManagement;
import com.answerloop.community.ThreadSummary;
import com.answerloop.knowledge.ArticleManagement;
import com.answerloop.knowledge.ArticleSummary;
import com.answerloop.knowledge.CategoryOverview;
import com.answerloop.shared.PortalSettings;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.util.HtmlUtils;

/** {@code /sitemap.xml} and {@code /robots.txt}: only public content is ever listed. */
@Controller
class SeoController {

    private static final int BATCH = 500;

    private final ArticleManagement articles;
    private final ThreadManagement threads;
    private final PortalSettings portal;

    SeoController(ArticleManagement articles, ThreadManagement threads, PortalSettings portal) {
        this.articles = articles;
        this.threads = threads;
        this.portal = portal;
    }

    @GetMapping(value = "/sitemap.xml", produces = MediaType.APPLICATION_XML_VALUE)
    @ResponseBody
    String sitemap() {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        url(xml, "/", null);
        url(xml, "/categories", null);
        for (CategoryOverview category : articles.categories(false)) {
            url(xml, category.url(), null);
            category.sections().forEach(section -> url(xml, section.url(), null));
        }
        Page<ArticleSummary> page = articles.articles(PageRequest.of(0, BATCH), false);
        while (true) {
            page.forEach(article -> url(xml, article.url(), article.updated().toString()));
            if (!page.hasNext()) {
                break;
            }
            page = articles.articles(page.nextPageable(), false);
        }
        // Public community threads (hidden and held ones are never listed).
        url(xml, "/community", null);
        Page<ThreadSummary> threadPage = threads.publicThreads(PageRequest.of(0, BATCH));
        while (true) {
            threadPage.forEach(thread -> url(
                    xml,
                    thread.url(),
                    thread.lastActivity()
                            .atZone(java.time.ZoneOffset.UTC)
                            .toLocalDate()
                            .toString()));
            if (!threadPage.hasNext()) {
                break;
            }
            threadPage = threads.publicThreads(threadPage.nextPageable());
        }
        return xml.append("</urlset>\n").toString();
    }

    private void url(StringBuilder xml, String path, String lastModified) {
        xml.append("  <url><loc>")
                .append(HtmlUtils.htmlEscape(portal.absoluteUrl(path)))
                .append("</loc>");
        if (lastModified != null) {
            xml.append("<lastmod>").append(lastModified).append("</lastmod>");
        }
        xml.append("</url>\n");
    }

    @GetMapping(value = "/robots.txt", produces = MediaType.TEXT_PLAIN_VALUE)
    ResponseEntity<String> robots() {
        String body = """
                User-agent: *
                Disallow: /admin
                Disallow: /api/
                Disallow: /login
                Allow: /

                Sitemap: %s
                """.formatted(portal.absoluteUrl("/sitemap.xml"));
        return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body(body);
    }
}
