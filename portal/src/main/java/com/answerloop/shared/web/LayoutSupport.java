package com.answerloop.shared.web;

import com.answerloop.shared.PortalSettings;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Makes {@link PortalSettings} reachable as {@code @portalSettings} from templates (the layout builds canonical URLs
 * with it); configuration-properties beans are otherwise named {@code answerloop-com.answerloop.shared.PortalSettings}.
 */
@Configuration(proxyBeanMethods = false)
class LayoutSupport {

    @Bean
    static BeanFactoryPostProcessor portalSettingsAlias() {
        return LayoutSupport::registerAlias;
    }

    private static void registerAlias(ConfigurableListableBeanFactory beanFactory) {
        String[] names = beanFactory.getBeanNamesForType(PortalSettings.class, false, false);
        if (names.length == 1 && !names[0].equals("portalSettings") && !beanFactory.containsBean("portalSettings")) {
            beanFactory.registerAlias(names[0], "portalSettings");
        }
    }
}
