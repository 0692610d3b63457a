import certExpired from "./cert-expired";
import certExpiring from "./cert-expiring";
import certNoPrivateKey from "./cert-no-private-key";
import certNotSmtp from "./cert-not-smtp";
import certRootNotThirdParty from "./cert-root-not-third-party";
import certShadowed from "./cert-shadowed";
import certStatusInvalid from "./cert-status-invalid";
import certWeak from "./cert-weak";
import chainIncomplete from "./chain-incomplete";
import connectorTlsDisabled from "./connector-tls-disabled";
import defaultCertMissing from "./default-cert-missing";
import defaultCertOverwritten from "./default-cert-overwritten";
import hybridCertNotFound from "./hybrid-cert-not-found";
import hybridCertNotSmtp from "./hybrid-cert-not-smtp";
import hybridCertSelfSigned from "./hybrid-cert-self-signed";
import hybridExoConnector from "./hybrid-exo-connector";
import hybridReceiveTlsname from "./hybrid-receive-tlsname";
import hybridSendSettings from "./hybrid-send-settings";
import hybridSendTlsname from "./hybrid-send-tlsname";
import inconsistentServers from "./inconsistent-servers";
import inputAmbiguous from "./input-ambiguous";
import nameMismatch from "./name-mismatch";
import selfSignedPresented from "./self-signed-presented";
import starttlsUnavailable from "./starttls-unavailable";
import tlsnameAmbiguous from "./tlsname-ambiguous";
import tlsnameNotFound from "./tlsname-not-found";
import tlsnameSyntax from "./tlsname-syntax";
import tlsnameTooLong from "./tlsname-too-long";
import tlsnameTruncated from "./tlsname-truncated";
import type { Rule } from "./types";

/** Every rule, sorted by id. A new rule is one file, one line here and its tests. */
export const rules: readonly Rule[] = [
  certExpired,
  certExpiring,
  certNotSmtp,
  certNoPrivateKey,
  certRootNotThirdParty,
  certShadowed,
  certStatusInvalid,
  certWeak,
  chainIncomplete,
  connectorTlsDisabled,
  defaultCertMissing,
  defaultCertOverwritten,
  hybridCertNotFound,
  hybridCertNotSmtp,
  hybridCertSelfSigned,
  hybridExoConnector,
  hybridReceiveTlsname,
  hybridSendSettings,
  hybridSendTlsname,
  inconsistentServers,
  inputAmbiguous,
  nameMismatch,
  selfSignedPresented,
  starttlsUnavailable,
  tlsnameAmbiguous,
  tlsnameNotFound,
  tlsnameSyntax,
  tlsnameTooLong,
  tlsnameTruncated,
];
