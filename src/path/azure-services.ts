// Azure PaaS services a pod talks to, by their words or host names: the service tag their public endpoints are in
// (NSG rules name them), the service endpoint a subnet may have for them, and the privatelink zone a private
// endpoint answers their host names from.
// https://learn.microsoft.com/azure/virtual-network/service-tags-overview#available-service-tags
// https://learn.microsoft.com/azure/virtual-network/virtual-network-service-endpoints-overview
// https://learn.microsoft.com/azure/private-link/private-endpoint-dns
export interface AzureService {
  /** as said in the answer: "Azure Storage" */
  name: string;
  tag: string;
  /** the subnet's service endpoint for it */
  endpoint: string;
}

const STORAGE: AzureService = { name: 'Azure Storage', tag: 'Storage', endpoint: 'Microsoft.Storage' };
const SQL: AzureService = { name: 'Azure SQL Database', tag: 'Sql', endpoint: 'Microsoft.Sql' };
const KEY_VAULT: AzureService = { name: 'Azure Key Vault', tag: 'AzureKeyVault', endpoint: 'Microsoft.KeyVault' };
const SERVICE_BUS: AzureService = { name: 'Azure Service Bus', tag: 'ServiceBus', endpoint: 'Microsoft.ServiceBus' };
const REGISTRY: AzureService = {
  name: 'Azure Container Registry',
  tag: 'AzureContainerRegistry',
  endpoint: 'Microsoft.ContainerRegistry',
};
const COSMOS: AzureService = { name: 'Azure Cosmos DB', tag: 'AzureCosmosDB', endpoint: 'Microsoft.AzureCosmosDB' };

/** Host suffix, the privatelink zone that answers it through a private endpoint, and its service where judged. */
const HOSTS: readonly [string, string, AzureService?][] = [
  ['database.windows.net', 'privatelink.database.windows.net', SQL],
  ['blob.core.windows.net', 'privatelink.blob.core.windows.net', STORAGE],
  ['file.core.windows.net', 'privatelink.file.core.windows.net', STORAGE],
  ['queue.core.windows.net', 'privatelink.queue.core.windows.net', STORAGE],
  ['table.core.windows.net', 'privatelink.table.core.windows.net', STORAGE],
  ['dfs.core.windows.net', 'privatelink.dfs.core.windows.net', STORAGE],
  ['vault.azure.net', 'privatelink.vaultcore.azure.net', KEY_VAULT],
  ['azurecr.io', 'privatelink.azurecr.io', REGISTRY],
  ['postgres.database.azure.com', 'privatelink.postgres.database.azure.com'],
  ['mysql.database.azure.com', 'privatelink.mysql.database.azure.com'],
  ['documents.azure.com', 'privatelink.documents.azure.com', COSMOS],
  ['servicebus.windows.net', 'privatelink.servicebus.windows.net', SERVICE_BUS],
  ['redis.cache.windows.net', 'privatelink.redis.cache.windows.net'],
  ['azurewebsites.net', 'privatelink.azurewebsites.net'],
];

const WORDS: [RegExp, AzureService][] = [
  [/\b(azure storage|storage accounts?|blob storage|azure blobs?|azure files)\b/, STORAGE],
  [/\b(azure sql( database)?|sql database)\b/, SQL],
  [/\b(azure )?key ?vaults?\b/, KEY_VAULT],
  [/\b(azure )?service ?bus\b/, SERVICE_BUS],
  [/\b(azure container registry|acr)\b/, REGISTRY],
  [/\b(azure )?cosmos( ?db)?\b/, COSMOS],
];

const hostEntry = (host: string) => {
  const n = host.toLowerCase().replace(/\.$/, '');
  return HOSTS.find(([suffix]) => n.endsWith(`.${suffix}`));
};

/** The Azure service a host name belongs to. */
export const serviceOfHost = (host: string): AzureService | undefined => hostEntry(host)?.[2];

/** The privatelink zone a name is answered from when a private endpoint serves it, if it is such a name. */
export function privateLinkZone(name: string): string | undefined {
  const inZone = /(^|\.)privatelink\.(.+)$/.exec(name.toLowerCase().replace(/\.$/, ''));
  return inZone ? `privatelink.${inZone[2]}` : hostEntry(name)?.[1];
}

/** The Azure service the words of a question name ("does the NSG block api from Azure Storage?"). */
export const serviceInWords = (text: string): AzureService | undefined =>
  WORDS.find(([words]) => words.test(text.toLowerCase()))?.[1];
