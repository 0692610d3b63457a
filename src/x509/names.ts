/** Windows display names (`Oid.FriendlyName`) for the OIDs certflow shows. */

const SIGNATURE_ALGORITHMS: Readonly<Record<string, string>> = {
  "1.2.840.113549.1.1.2": "md2RSA",
  "1.2.840.113549.1.1.4": "md5RSA",
  "1.2.840.113549.1.1.5": "sha1RSA",
  "1.2.840.113549.1.1.10": "RSASSA-PSS",
  "1.2.840.113549.1.1.11": "sha256RSA",
  "1.2.840.113549.1.1.12": "sha384RSA",
  "1.2.840.113549.1.1.13": "sha512RSA",
  "1.2.840.113549.1.1.14": "sha224RSA",
  "1.2.840.10040.4.3": "sha1DSA",
  "1.2.840.10045.4.1": "sha1ECDSA",
  "1.2.840.10045.4.3.1": "sha224ECDSA",
  "1.2.840.10045.4.3.2": "sha256ECDSA",
  "1.2.840.10045.4.3.3": "sha384ECDSA",
  "1.2.840.10045.4.3.4": "sha512ECDSA",
  "1.3.101.112": "Ed25519",
  "1.3.101.113": "Ed448",
};

const KEY_ALGORITHMS: Readonly<Record<string, string>> = {
  "1.2.840.113549.1.1.1": "RSA",
  "1.2.840.113549.1.1.10": "RSASSA-PSS",
  "1.2.840.10045.2.1": "ECC",
  "1.2.840.10040.4.1": "DSA",
  "1.3.101.112": "Ed25519",
  "1.3.101.113": "Ed448",
};

/** Named curves by OID, with their size in bits. */
export const CURVE_BITS: Readonly<Record<string, number>> = {
  "1.2.840.10045.3.1.7": 256,
  "1.3.132.0.34": 384,
  "1.3.132.0.35": 521,
  "1.3.132.0.10": 256,
  "1.3.36.3.3.2.8.1.1.7": 256,
  "1.3.36.3.3.2.8.1.1.11": 384,
  "1.3.36.3.3.2.8.1.1.13": 512,
};

const EKU: Readonly<Record<string, string>> = {
  "1.3.6.1.5.5.7.3.1": "Server Authentication",
  "1.3.6.1.5.5.7.3.2": "Client Authentication",
  "1.3.6.1.5.5.7.3.3": "Code Signing",
  "1.3.6.1.5.5.7.3.4": "Secure Email",
  "1.3.6.1.5.5.7.3.5": "IP security end system",
  "1.3.6.1.5.5.7.3.6": "IP security tunnel termination",
  "1.3.6.1.5.5.7.3.7": "IP security user",
  "1.3.6.1.5.5.7.3.8": "Time Stamping",
  "1.3.6.1.5.5.7.3.9": "OCSP Signing",
  "1.3.6.1.5.5.8.2.2": "IP security IKE intermediate",
  "1.3.6.1.4.1.311.10.3.4": "Encrypting File System",
  "1.3.6.1.4.1.311.10.3.12": "Document Signing",
  "1.3.6.1.4.1.311.20.2.2": "Smart Card Logon",
  "1.3.6.1.4.1.311.54.1.2": "Remote Desktop Authentication",
  "2.5.29.37.0": "Any Purpose",
};

export function signatureAlgorithmName(oid: string): string {
  return SIGNATURE_ALGORITHMS[oid] ?? oid;
}

export function keyAlgorithmName(oid: string): string {
  return KEY_ALGORITHMS[oid] ?? oid;
}

/** As Get-ExchangeCertificate lists `EnhancedKeyUsageList`: `Server Authentication (1.3.6.1.5.5.7.3.1)`. */
export function ekuDisplay(oid: string): string {
  const name = EKU[oid];
  return name ? `${name} (${oid})` : oid;
}
