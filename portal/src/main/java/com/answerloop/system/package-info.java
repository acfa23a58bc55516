/** Home page, site layout, error pages, SEO files and the admin landing page. */
@org.springframework.modulith.ApplicationModule(displayName = "System")
package com.answerloop.system;
