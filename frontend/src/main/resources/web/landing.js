// The landing page: only the language switch.
import { applyLang, mountLangSwitch } from './shared/i18n.js';

applyLang();
mountLangSwitch(document.getElementById('lang-switch'));
