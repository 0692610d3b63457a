import { story } from "../../__stories__/stories";
import rule from "./connector-tls-disabled";
import { testRule } from "./tester";

const connector = (auth: string, enabled = "True") => `Identity           : EX07\\Default Frontend EX07
Server             : EX07
AuthMechanism      : ${auth}
Bindings           : {[::]:25, 0.0.0.0:25}
Fqdn               : mail.litware.com
Enabled            : ${enabled}
TransportRole      : FrontendTransport
`;

testRule(rule, {
  valid: [
    { name: "healthy hybrid server", paste: story("healthy-hybrid") },
    { name: "Tls present (any case)", paste: connector("tls, Integrated, ExchangeServer") },
    { name: "a disabled connector answers nobody", paste: connector("ExchangeServer", "False") },
  ],
  invalid: [
    {
      name: "Tls removed: no STARTTLS whatever the certificates",
      paste: connector("Integrated, BasicAuth, ExchangeServer"),
      expect: [
        {
          messageId: "noTls",
          server: "EX07",
          connector: "Default Frontend EX07",
          fix: /Set-ReceiveConnector 'EX07\\Default Frontend EX07' -AuthMechanism 'Tls, Integrated, BasicAuth, ExchangeServer'/,
        },
      ],
    },
    {
      name: "AuthMechanism None",
      paste: connector("None"),
      expect: [{ messageId: "noTls", fix: /-AuthMechanism 'Tls'/ }],
    },
  ],
});
