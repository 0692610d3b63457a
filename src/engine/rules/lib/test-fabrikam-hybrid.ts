/**
 * The two-server hybrid organisation the hybrid and consistency rule tests share: EXH1 and EXH2, each with its own
 * self-signed certificate and (unless left out) the public Sectigo certificate the hybrid configuration names.
 */
export const SECTIGO =
  "CN=Sectigo RSA Domain Validation Secure Server CA, O=Sectigo Limited, L=Salford, S=Greater Manchester, C=GB";
export const HYBRID_NAME = `<I>${SECTIGO}<S>CN=mail.fabrikam.com`;

export const HYBRID = `[PS] C:\\Windows\\system32>Get-HybridConfiguration | fl TlsCertificateName,ReceivingTransportServers,SendingTransportServers,EdgeTransportServers

TlsCertificateName        : ${HYBRID_NAME}
ReceivingTransportServers : {EXH1, EXH2}
SendingTransportServers   : {EXH1, EXH2}
EdgeTransportServers      : {}
`;

const PUBLIC = `
Thumbprint         : 7D7D7D7D7D7D7D7D7D7D7D7D7D7D7D7D7D7D7D7D
Subject            : CN=mail.fabrikam.com
Issuer             : ${SECTIGO}
CertificateDomains : {mail.fabrikam.com, autodiscover.fabrikam.com}
Services           : IIS, SMTP
IsSelfSigned       : False
NotBefore          : 2026-08-01 10:00:00
NotAfter           : 2027-08-01 10:00:00
HasPrivateKey      : True
Status             : Valid
`;

/** `Get-ExchangeCertificate -Server <server> | fl`: the public certificate (unless `withPublic` is false), then the server's self-signed one. */
export const certs = (
  server: string,
  withPublic = true,
) => `[PS] C:\\Windows\\system32>Get-ExchangeCertificate -Server ${server} | fl Thumbprint,Subject,Issuer,CertificateDomains,Services,IsSelfSigned,NotBefore,NotAfter,HasPrivateKey,Status
${withPublic ? PUBLIC : ""}
Thumbprint         : ${server === "EXH1" ? "5E5E5E5E5E5E5E5E5E5E5E5E5E5E5E5E5E5E5E5E" : "6F6F6F6F6F6F6F6F6F6F6F6F6F6F6F6F6F6F6F6F"}
Subject            : CN=${server}
Issuer             : CN=${server}
CertificateDomains : {${server}, ${server}.fabrikam.local}
Services           : IMAP, POP, IIS, SMTP
IsSelfSigned       : True
NotBefore          : 2024-08-01 10:00:00
NotAfter           : 2029-08-01 10:00:00
HasPrivateKey      : True
Status             : Valid
`;
