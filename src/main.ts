/**
 * `npm start`: with TELEGRAM_BOT_TOKEN, the Telegram bot; without it, the local chat (REPL),
 * with a note on how to connect Telegram. The index is built first when missing or stale.
 */

import { runMain } from './app/run-main.js';
import { openRuntime } from './app/runtime.js';
import { startLocalChat } from './repl/repl.js';

runMain(async () => {
  const { config, answerer, log, indexConfig, state } = await openRuntime({ service: true });
  if (config.telegram.token) {
    const { startBot } = await import('./bot/start.js');
    await startBot(config, indexConfig, answerer, log, state);
    await state.close();
    process.exit(0);
  }
  await state.close();
  const m = answerer.loaded.manifest;
  await startLocalChat(
    indexConfig,
    answerer,
    `bulletin-qa local chat: ${m.articles} articles, ${m.chunks} chunks. Ask in Chinese or English; :help for commands.\n` +
      'To run the Telegram bot instead, create a bot with @BotFather, put TELEGRAM_BOT_TOKEN=<token> in .env and run npm start again.',
  );
});
