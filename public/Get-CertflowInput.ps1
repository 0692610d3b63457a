<#
.SYNOPSIS
    Prints, read-only, everything certflow reads about the TLS certificates and SMTP connectors of an
    Exchange organisation, as one text to paste into certflow.

.DESCRIPTION
    Run it in the Exchange Management Shell of a Mailbox server. For every Exchange server of the
    organisation it prints the certificates, the receive connectors and the internal transport
    certificate; then, once, the send connectors and the hybrid configuration.

    Edge Transport servers keep their certificates and receive connectors on the Edge itself (in AD LDS,
    not in Active Directory), so a Mailbox server cannot read them. Run the script on every Edge too, in
    its own Exchange Management Shell, and paste the texts one after the other.

    Every section starts with the exact command that printed it, on a line of its own, so certflow knows
    which cmdlet and which server each section comes from. Nothing else goes into the text: servers that
    could not be read are reported on the warning stream, which neither the pipeline nor -ToClipboard
    carries.

    The script only reads. It runs Get-* cmdlets and formats what they return; with -ToClipboard it puts
    the text on the clipboard of the computer it runs on. It changes nothing in Exchange, in Active
    Directory or on any server. docs/collector.md describes the output line by line.

.PARAMETER ToClipboard
    Put the text on the clipboard instead of printing it (Set-Clipboard, or clip.exe where Windows
    PowerShell is older than 5.0).

.PARAMETER IncludeSendConnectors
    On an Edge Transport server: print its send connectors too. Only an Edge without an Edge Subscription
    needs it; with a subscription its send connectors are organisation objects that the run on a Mailbox
    server already prints, and printing them twice would show every connector twice in certflow.

.EXAMPLE
    .\Get-CertflowInput.ps1 -ToClipboard

    Collects everything and copies it; paste it into certflow's box.

.EXAMPLE
    .\Get-CertflowInput.ps1 | Out-File -Encoding utf8 certflow-input.txt

    Keeps the text in a file on the computer you run it on, e.g. for `certflow analyze certflow-input.txt`.
#>
[CmdletBinding()]
param(
    [switch] $ToClipboard,
    [switch] $IncludeSendConnectors
)

$ErrorActionPreference = 'Stop'

# The width Out-String formats at: far wider than any value, so Format-List never wraps or cuts a line.
$width = 4096

# Certificate dates in ISO 8601, UTC ("2027-03-31T22:59:59.0000000Z"). Printed as they are, dates follow
# the session's culture (03/04/2027, 04.03.2027), and certflow would have to guess which number is the day.
$certificateProperties = @(
    'Thumbprint', 'Subject', 'Issuer', 'FriendlyName', 'CertificateDomains', 'Services',
    @{ Name = 'NotBefore'; Expression = { if ($null -ne $_.NotBefore) { $_.NotBefore.ToUniversalTime().ToString('o') } } },
    @{ Name = 'NotAfter'; Expression = { if ($null -ne $_.NotAfter) { $_.NotAfter.ToUniversalTime().ToString('o') } } },
    'IsSelfSigned', 'HasPrivateKey', 'Status', 'RootCAType', 'PublicKeySize', 'SerialNumber'
)

# What decides which certificate a receive connector presents: AuthMechanism (Tls offers STARTTLS,
# ExchangeServer offers X-ANONYMOUSTLS), TlsCertificateName, else Fqdn; and which connector answers a
# connection: Bindings and RemoteIPRanges.
$receiveConnectorProperties = @(
    'Identity', 'Server', 'Name', 'TransportRole', 'Enabled', 'Bindings', 'RemoteIPRanges', 'Fqdn',
    'AuthMechanism', 'PermissionGroups', 'RequireTLS', 'DomainSecureEnabled', 'SuppressXAnonymousTls',
    'TlsCertificateName', 'TlsDomainCapabilities'
)

# The internal transport ("default SMTP") certificate: the one X-ANONYMOUSTLS and EdgeSync use.
$transportProperties = @('Name', 'InternalTransportCertificateThumbprint')

# What a send connector presents (TlsCertificateName, else Fqdn, else the server's FQDN), where it sends
# and how strictly it checks the other side.
$sendConnectorProperties = @(
    'Identity', 'Name', 'Enabled', 'AddressSpaces', 'SourceTransportServers', 'SmartHosts', 'DNSRoutingEnabled',
    'Port', 'Fqdn', 'TlsCertificateName', 'RequireTLS', 'IgnoreSTARTTLS', 'TlsAuthLevel', 'TlsDomain',
    'CloudServicesMailEnabled', 'DomainSecureEnabled', 'SmartHostAuthMechanism'
)

# The certificate the Hybrid Configuration Wizard configured and the servers that carry hybrid mail.
$hybridProperties = @(
    'Name', 'TlsCertificateName', 'ReceivingTransportServers', 'SendingTransportServers', 'EdgeTransportServers',
    'OnPremisesSmartHost', 'Domains', 'Features'
)

# Name, FQDN and version of every server: the version decides which selection rules apply (2010 has no
# TlsCertificateName), the FQDN is the name a connector without its own Fqdn looks up.
$serverProperties = @('Name', 'Fqdn', 'ServerRole', 'AdminDisplayVersion', 'IsEdgeServer')

# A property list as it is typed on the command line, so the printed command is the one that ran.
function ConvertTo-PropertyText {
    param([object[]] $Property)
    $text = foreach ($item in $Property) {
        if ($item -is [hashtable]) { "@{Name='$($item.Name)'; Expression={$($item.Expression)}}" } else { $item }
    }
    $text -join ', '
}

# One section: the command on a line of its own, a blank line, what it printed, a blank line. A command
# that fails or prints nothing adds no lines (an echo without output would be a line certflow cannot read).
function Get-Section {
    param(
        [string] $Command,
        [scriptblock] $Run
    )
    try {
        $output = & $Run | Out-String -Width $width
    } catch {
        Write-Warning "Left out, it failed: $Command ($($_.Exception.Message))"
        return
    }
    if ([string]::IsNullOrWhiteSpace($output)) {
        Write-Verbose "Left out, it printed nothing: $Command"
        return
    }
    "$Command | Out-String -Width $width"
    ''
    foreach ($line in ($output.Trim([char[]]"`r`n") -split '\r?\n')) { $line.TrimEnd() }
    ''
}

# Older shells (Exchange 2010) call the transport service Get-TransportServer; certflow reads both.
$transportCmdlet = 'Get-TransportService'
if (-not (Get-Command $transportCmdlet -ErrorAction SilentlyContinue)) { $transportCmdlet = 'Get-TransportServer' }

# Get-ExchangeServer lists the servers of the organisation; on an Edge it lists only the Edge itself.
$allServers = @(Get-ExchangeServer)
$thisEdge = @($allServers | Where-Object { $_.IsEdgeServer -and $_.Name -eq $env:COMPUTERNAME })
$onEdge = $thisEdge.Count -gt 0
if ($onEdge) {
    $servers = $thisEdge
} else {
    $servers = @($allServers | Where-Object { -not $_.IsEdgeServer })
    foreach ($edge in @($allServers | Where-Object { $_.IsEdgeServer })) {
        Write-Warning "$($edge.Name) is an Edge Transport server: run this script on $($edge.Name) too and paste both texts."
    }
}

# Every section, in the order certflow expects them: servers, then per server its certificates, receive
# connectors and transport service, then the organisation's send connectors and hybrid configuration.
function Get-AllSections {
    $serverList = ConvertTo-PropertyText $serverProperties
    Get-Section "Get-ExchangeServer | Format-List $serverList" { $allServers | Format-List -Property $serverProperties }

    foreach ($server in $servers) {
        $name = $server.Name

        # Every certificate in the server's personal store that Exchange lists, with what the selection
        # needs: names, services, dates, self-signed or CA-issued, private key, status.
        $certificateList = ConvertTo-PropertyText $certificateProperties
        Get-Section "Get-ExchangeCertificate -Server $name | Format-List $certificateList" {
            Get-ExchangeCertificate -Server $name | Format-List -Property $certificateProperties
        }

        # Every receive connector of the server (Identity is SERVER\Name).
        $receiveList = ConvertTo-PropertyText $receiveConnectorProperties
        Get-Section "Get-ReceiveConnector -Server $name | Format-List $receiveList" {
            Get-ReceiveConnector -Server $name | Format-List -Property $receiveConnectorProperties
        }

        # InternalTransportCertificateThumbprint lives on the transport service, not on Get-ExchangeServer.
        $transportList = ConvertTo-PropertyText $transportProperties
        Get-Section "$transportCmdlet $name | Format-List $transportList" {
            & $transportCmdlet $name | Format-List -Property $transportProperties
        }
    }

    # Send connectors belong to the organisation (Identity is the name; SourceTransportServers says where
    # they run), so they are printed once, not per server.
    if (-not $onEdge -or $IncludeSendConnectors) {
        $sendList = ConvertTo-PropertyText $sendConnectorProperties
        Get-Section "Get-SendConnector | Format-List $sendList" {
            Get-SendConnector | Format-List -Property $sendConnectorProperties
        }
    }

    # One hybrid configuration per organisation, none when the organisation is not hybrid. The cmdlet does
    # not exist on an Edge.
    if (-not $onEdge -and (Get-Command Get-HybridConfiguration -ErrorAction SilentlyContinue)) {
        $hybridList = ConvertTo-PropertyText $hybridProperties
        Get-Section "Get-HybridConfiguration | Format-List $hybridList" {
            Get-HybridConfiguration | Format-List -Property $hybridProperties
        }
    }
}

# Multi-valued properties (CertificateDomains, Bindings, RemoteIPRanges ...) are cut after
# $FormatEnumerationLimit items, 4 by default. Windows PowerShell's formatting reads it from the global
# scope, so it is lifted there for the run and put back afterwards.
$enumerationLimit = $global:FormatEnumerationLimit
$global:FormatEnumerationLimit = -1
try {
    $lines = @(Get-AllSections)
} finally {
    $global:FormatEnumerationLimit = $enumerationLimit
}

# A text that runs on past the window width is cut or wrapped in the console: -ToClipboard (or a file)
# keeps every line whole.
$text = ($lines -join [Environment]::NewLine).TrimEnd()
if ($ToClipboard) {
    if (Get-Command Set-Clipboard -ErrorAction SilentlyContinue) {
        Set-Clipboard -Value $text
    } else {
        $text | clip.exe
    }
    Write-Host "certflow: $(@($lines).Count) lines copied to the clipboard. Paste them into certflow."
} else {
    $text
}
