// Azure PaaS services a pod talks to, by their words or host names: the service tag their public endpoints are in
// (NSG rules name them) and the service endpoint a subnet may have for them.
// https://learn.microsoft.com/azure/virtual-network/service-tags-overview#available-service-tags
// https://learn.microsoft.com/azure/virtual-network/virtual-network-service-endpoints-overview
export interface AzureService {
  /** as said in the answer: "Azure Storage" */
  name: string;
  tag: string;
  /** the subnet's service endpoint for it */
  endpoint: string;
}

const SERVICES: { words: RegExp; host: RegExp; service: AzureService }[] = [
  {
    words: /\b(azure storage|storage accounts?|blob storage|azure blobs?|azure files)\b/,
    host: /\.(blob|file|queue|table|dfs)\.core\.windows\.net$/,
    service: { name: 'Azure Storage', tag: 'Storage', endpoint: 'Microsoft.Storage' },
  },
  {
    words: /\b(azure sql( database)?|sql database)\b/,
    host: /\.database\.windows\.net$/,
    service: { name: 'Azure SQL Database', tag: 'Sql', endpoint: 'Microsoft.Sql' },
  },
  {
    words: /\b(azure )?key ?vaults?\b/,
    host: /\.vault\.azure\.net$/,
    service: { name: 'Azure Key Vault', tag: 'AzureKeyVault', endpoint: 'Microsoft.KeyVault' },
  },
  {
    words: /\b(azure )?service ?bus\b/,
    host: /\.servicebus\.windows\.net$/,
    service: { name: 'Azure Service Bus', tag: 'ServiceBus', endpoint: 'Microsoft.ServiceBus' },
  },
  {
    words: /\b(azure container registry|acr)\b/,
    host: /\.azurecr\.io$/,
    service: {
      name: 'Azure Container Registry',
      tag: 'AzureContainerRegistry',
      endpoint: 'Microsoft.ContainerRegistry',
    },
  },
  {
    words: /\b(azure )?cosmos( ?db)?\b/,
    host: /\.documents\.azure\.com$/,
    service: { name: 'Azure Cosmos DB', tag: 'AzureCosmosDB', endpoint: 'Microsoft.AzureCosmosDB' },
  },
];

/** The Azure service a host name belongs to. */
export const serviceOfHost = (host: string): AzureService | undefined =>
  SERVICES.find((s) => s.host.test(host.toLowerCase().replace(/\.$/, '')))?.service;

/** The Azure service the words of a question name ("does the NSG block api from Azure Storage?"). */
export const serviceInWords = (text: string): AzureService | undefined =>
  SERVICES.find((s) => s.words.test(text.toLowerCase()))?.service;
