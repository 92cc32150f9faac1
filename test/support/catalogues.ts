// Unit tests of web modules call translate through the runtime, which holds no catalogue until one
// is provided (the web app loads the language on screen). Tests hold both, as the server does.
import '../../src/shared/i18n/index.ts';
