// A REST request as the API handlers see it, and the parameter formats Twilio checks.

export interface ApiRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  form: Record<string, string>;
  authorization: string | undefined;
}

export const E164 = /^\+[1-9]\d{6,14}$/;
export const AREA_CODE = /^[2-9]\d{2}$/;
