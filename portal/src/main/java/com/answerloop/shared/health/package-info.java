/** Health checks that answer in bounded time whatever the component they check is doing. */
package com.answerloop.shared.health;
