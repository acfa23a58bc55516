/** Insights: read models fed by the other modules' events (search success, deflection, self-service, KCS, community, article health) and the dashboards over them. */
@org.springframework.modulith.ApplicationModule(displayName = "Analytics")
package com.answerloop.analytics;
