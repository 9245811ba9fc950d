/*
 * Copyright Camunda Services GmbH and/or licensed to Camunda Services GmbH
 * under one or more contributor license agreements. See the NOTICE file
 * distributed with this work for additional information regarding copyright
 * ownership. Camunda licenses this file to you under the Apache License,
 * Version 2.0; you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

// Rujukan: Camunda's shipped Tasklist config.js (7.24.0), with settings of ours marked below; it takes the
// place of the webjar's file because the application's own classpath comes first (docs/dates.md).
export default {
  // Rujukan: staff work in Bahasa Indonesia (locales/id.json) and English stays available: ../rujukan/bahasa.js makes
  // Indonesian the choice even in an English browser, scripts/form-messages.js puts Camunda Forms' own validation
  // messages into Indonesian (docs/language.md). scripts/board-link.js adds "Papan layanan" to the header for the
  // manajer and koordinator (docs/operations.md).
  locales: {
    availableLocales: ['id', 'en'],
    fallbackLocale: 'id'
  },
  // Rujukan: staff read and type dates day first. Camunda Forms' date fields through scripts/day-first-dates.js;
  // Tasklist's own dates (created, due, follow-up) through these moment.js formats, in place of the month-first
  // defaults (abbr "lll", normal "LLL", long "LLLL", short "LL"). scripts/desk adds the case page's links, priorities
  // as words and the number a start form gave; scripts/board-link the board's link for manajer and koordinator
  // (docs/user-guide.md).
  customScripts: ['../rujukan/bahasa', 'scripts/day-first-dates', 'scripts/form-messages', 'scripts/desk',
    'scripts/board-link'],
  dateFormat: {
    monthName: 'MMMM',
    day: 'DD',
    abbr: 'D MMM YYYY HH:mm',
    normal: 'D MMMM YYYY HH:mm',
    long: 'dddd, D MMMM YYYY HH:mm',
    short: 'D MMMM YYYY'
  },

  // change the app name and vendor
  // app: {
  //   name: 'Todos',
  //   vendor: 'Company'
  // },
  //
  // configure the date format
  // "dateFormat": {
  //   "normal": "LLL",
  //   "long":   "LLLL"
  // },
  //
  // "locales": {
  //    "availableLocales": ["en", "de"],
  //    "fallbackLocale": "en"
  //  },
  // customScripts: [
  //   // If you have a folder called 'my-custom-script' (in the 'tasklist' folder)
  //   // with a file called 'customScript.js' in it
  //   // 'my-custom-script/customScript'
  // ],
  // requireJsConfig: {
  //   // AngularJS module names
  //   ngDeps: ['ui.bootstrap'],
  //   // RequireJS configuration for a complete configuration documentation see:
  //   // http://requirejs.org/docs/api.html#config
  //   deps: ['jquery', 'custom-ui'],
  //   paths: {
  //     // if you have a folder called `custom-ui` (in the `scripts` folder)
  //     // with a file called `scripts.js` in it and defining the `custom-ui` AMD module
  //     'custom-ui': 'custom-ui/scripts'
  //   }
  // },
  // csrfCookieName: 'XSRF-TOKEN',
  // disableWelcomeMessage: false,
  // assignProcessInstanceIdToTaskComment: true,

  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: 'claims the currently selected task'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: 'set the focus to the first filter in the list'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'sets the focus to the first task in the list'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'sets the focus to the first input field in a task form'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: 'opens the start process modal dialog'
    }
  }
};
