// The JSON API client: GET /api/<path>?params; errors become ApiError with
// the server's message and status.
export class ApiError extends Error {
  constructor(message, status) {
    super(message);
    this.status = status;
  }
}

export async function api(path, params = {}) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') query.set(key, String(value));
  }
  const url = '/api/' + path + (query.toString() ? '?' + query.toString() : '');
  let response;
  try {
    response = await fetch(url, { headers: { Accept: 'application/json' } });
  } catch (e) {
    throw new ApiError('the server does not answer (' + e.message + ')', 0);
  }
  let body;
  try {
    body = await response.json();
  } catch (e) {
    throw new ApiError('bad response from the server', response.status);
  }
  if (!response.ok) throw new ApiError(body.error || response.statusText, response.status);
  return body;
}
