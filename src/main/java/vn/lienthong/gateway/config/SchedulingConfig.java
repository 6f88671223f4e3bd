package vn.lienthong.gateway.config;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Turns on the gateway's periodic housekeeping jobs (such as purging expired idempotency keys). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SchedulingConfig {
}
